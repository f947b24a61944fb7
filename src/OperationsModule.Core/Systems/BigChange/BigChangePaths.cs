using System;
using System.Globalization;
using System.Net.Http;
using OperationsModule.Core.Http;

namespace OperationsModule.Core.Systems.BigChange
{
    /// <summary>
    /// Every BigChange call the module makes. The cancel method and path are unconfirmed by vendor text
    /// (PUT .../cancel follows the sibling /start, /result and /schedule calls): change them here only.
    /// </summary>
    internal static class BigChangePaths
    {
        public static readonly HttpMethod CancelMethod = HttpMethod.Put;

        public static Uri Cancel(Uri baseUri, long jobId) =>
            EndpointPath.Combine(baseUri, "v1/jobs", EndpointPath.Escaped(jobId.ToString(CultureInfo.InvariantCulture)), "cancel");

        public static Uri Job(Uri baseUri, long jobId) =>
            EndpointPath.Combine(baseUri, "v1/jobs", EndpointPath.Escaped(jobId.ToString(CultureInfo.InvariantCulture)));

        /// <summary>GET: the paged job list (filters in the query).</summary>
        public static Uri Jobs(Uri baseUri) => EndpointPath.Combine(baseUri, "v1/jobs");

        /// <summary>The auth proxy's token endpoint (community clients use /auth/tokens; the vendor page copy lacks the path).</summary>
        public static Uri Token(Uri baseUri) => EndpointPath.Combine(baseUri, "auth/tokens");
    }
}
