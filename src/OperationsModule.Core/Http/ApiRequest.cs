using System;
using System.Collections.Generic;
using System.Net.Http;

namespace OperationsModule.Core.Http
{
    /// <summary>One logical call; the transport builds a fresh HttpRequestMessage per attempt from it.</summary>
    public sealed class ApiRequest
    {
        public ApiRequest(HttpMethod method, Uri uri)
        {
            Method = method;
            Uri = uri;
        }

        public HttpMethod Method { get; }

        public Uri Uri { get; }

        /// <summary>Extra non-secret headers (e.g. Customer-Id, Accept).</summary>
        public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public string? Body { get; set; }

        public string? BodyMediaType { get; set; }

        /// <summary>
        /// True for calls that may create work (a submission): never retried once they may have reached the server.
        /// </summary>
        public bool MayCreateWork { get; set; }

        /// <summary>Login and token calls: their bodies (request and response) never reach the debug stream.</summary>
        public bool CarriesSecrets { get; set; }

        /// <summary>Token calls must not recurse into the session's authenticator.</summary>
        public bool Anonymous { get; set; }

        public string Describe() => Method.Method + " " + UriText.ForDisplay(Uri);
    }
}
