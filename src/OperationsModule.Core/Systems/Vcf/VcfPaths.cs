using System;
using OperationsModule.Core.Http;

namespace OperationsModule.Core.Systems.Vcf
{
    /// <summary>Every SDDC Manager path the module calls, relative to https://sddc-manager-fqdn.</summary>
    internal static class VcfPaths
    {
        public static Uri Tokens(Uri baseUri) => EndpointPath.Combine(baseUri, "v1/tokens");

        public static Uri RefreshAccessToken(Uri baseUri) => EndpointPath.Combine(baseUri, "v1/tokens/access-token/refresh");

        public static Uri RefreshToken(Uri baseUri) => EndpointPath.Combine(baseUri, "v1/tokens/refresh-token");

        public static Uri Tasks(Uri baseUri) => EndpointPath.Combine(baseUri, "v1/tasks");

        public static Uri Task(Uri baseUri, string taskId) => EndpointPath.Combine(baseUri, "v1/tasks", EndpointPath.Escaped(taskId));
    }
}
