using System;
using System.Collections.Generic;
using System.Net.Http;

namespace OperationsModule.Core.Http
{
    /// <summary>One logical call; the transport builds a fresh HttpRequestMessage per attempt from it.</summary>
    internal sealed class ApiRequest
    {
        public ApiRequest(HttpMethod method, Uri uri)
        {
            Method = method;
            Uri = uri;
        }

        public HttpMethod Method { get; }

        public Uri Uri { get; }

        private Dictionary<string, string>? _headers;

        /// <summary>Extra non-secret headers (e.g. Customer-Id, Accept). Created on first use: most calls have none.</summary>
        public IDictionary<string, string> Headers => _headers ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        internal bool HasHeaders => _headers is { Count: > 0 };

        public string? Body { get; set; }

        public string? BodyMediaType { get; set; }

        /// <summary>
        /// True for calls that may create work (a submission): never retried once they may have reached the server.
        /// </summary>
        public bool MayCreateWork { get; set; }

        /// <summary>Login and token calls: their bodies (request and response) never reach the debug stream.</summary>
        public bool CarriesSecrets { get; set; }

        /// <summary>A success body goes to this file instead of memory (Get-OutputCreationResult -OutFile); error bodies are read as usual.</summary>
        public FileDownload? Download { get; set; }

        /// <summary>Token calls must not recurse into the session's authenticator.</summary>
        public bool Anonymous { get; set; }

        public string Describe() => Method.Method + " " + UriText.ForDisplay(Uri);
    }
}
