using System;
using OperationsModule.Core.Http;

namespace OperationsModule.Core.Systems.Onedata
{
    /// <summary>Every Oneprovider path the module calls. -BaseUri may be the provider host or already end in /api/v3/oneprovider.</summary>
    public static class OnedataPaths
    {
        public const string ApiRoot = "api/v3/oneprovider";

        private const string Workflows = "automation/execution/workflows";

        public static Uri Cancel(Uri baseUri, string executionId) =>
            EndpointPath.Combine(baseUri, WorkflowsPath(baseUri), EndpointPath.Escaped(executionId), "cancel");

        public static Uri Details(Uri baseUri, string executionId) =>
            EndpointPath.Combine(baseUri, WorkflowsPath(baseUri), EndpointPath.Escaped(executionId));

        // The documented base URL includes the API root; users also pass just the host. Accept both, never double it.
        private static string WorkflowsPath(Uri baseUri) =>
            baseUri.AbsolutePath.TrimEnd('/').EndsWith("/" + ApiRoot, StringComparison.OrdinalIgnoreCase) ? Workflows : ApiRoot + "/" + Workflows;
    }
}
