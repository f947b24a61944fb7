using System;
using OperationsModule.Core.Http;

namespace OperationsModule.Core.Systems.OLConnect
{
    /// <summary>Every OL Connect path the module calls, relative to the server's base address.</summary>
    internal static class OlConnectPaths
    {
        private const string OutputCreation = "rest/serverengine/workflow/outputcreation";

        public static Uri Login(Uri baseUri) => EndpointPath.Combine(baseUri, "rest/serverengine/authentication/login");

        /// <summary>GET: the running operations; read-only, so Connect-OperationsServer uses it to verify a session.</summary>
        public static Uri Operations(Uri baseUri) => EndpointPath.Combine(baseUri, OutputCreation, "getOperations");

        public static Uri SubmitByJobs(Uri baseUri, string configId) => EndpointPath.Combine(baseUri, OutputCreation, EndpointPath.Escaped(configId), "jobs");

        public static Uri Cancel(Uri baseUri, string operationId) => EndpointPath.Combine(baseUri, OutputCreation, "cancel", EndpointPath.Escaped(operationId));

        public static Uri Progress(Uri baseUri, string operationId) => EndpointPath.Combine(baseUri, OutputCreation, "getProgress", EndpointPath.Escaped(operationId));

        public static Uri Result(Uri baseUri, string operationId) => EndpointPath.Combine(baseUri, OutputCreation, "getResult", EndpointPath.Escaped(operationId));

        public static Uri ResultText(Uri baseUri, string operationId) => EndpointPath.Combine(baseUri, OutputCreation, "getResultTxt", EndpointPath.Escaped(operationId));
    }
}
