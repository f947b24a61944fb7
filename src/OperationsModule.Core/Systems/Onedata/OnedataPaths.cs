using System;
using OperationsModule.Core.Http;

namespace OperationsModule.Core.Systems.Onedata
{
    /// <summary>Every Oneprovider path the module calls. -BaseUri may be the provider host or already end in /api/v3/oneprovider.</summary>
    internal static class OnedataPaths
    {
        public const string ApiRoot = "api/v3/oneprovider";

        private const string Workflows = "automation/execution/workflows";

        public static Uri Cancel(Uri baseUri, string executionId) =>
            EndpointPath.Combine(baseUri, WorkflowsPath(baseUri), EndpointPath.Escaped(executionId), "cancel");

        public static Uri Details(Uri baseUri, string executionId) =>
            EndpointPath.Combine(baseUri, WorkflowsPath(baseUri), EndpointPath.Escaped(executionId));

        /// <summary>GET /spaces/{sid}/automation/execution/workflows: the execution IDs of a space.</summary>
        public static Uri SpaceExecutions(Uri baseUri, string spaceId) =>
            EndpointPath.Combine(baseUri, ApiPrefix(baseUri) + "spaces", EndpointPath.Escaped(spaceId), Workflows);

        private static string ApiPrefix(Uri baseUri) =>
            baseUri.AbsolutePath.TrimEnd('/').EndsWith("/" + ApiRoot, StringComparison.OrdinalIgnoreCase) ? string.Empty : ApiRoot + "/";

        // The documented base URL includes the API root; users also pass just the host. Accept both, never double it.
        private static string WorkflowsPath(Uri baseUri) => ApiPrefix(baseUri) + Workflows;
    }
}
