using System;
using System.Collections.Generic;
using System.Linq;

namespace OperationsModule.Core.Http
{
    /// <summary>A response with its body already read (within the size cap), so nothing leaks a live stream.</summary>
    internal sealed class ApiResponse
    {
        public ApiResponse(int statusCode, string? reasonPhrase, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, string body, string? contentType, Uri requestUri, TimeSpan elapsed, int attempts, bool bodyTruncated = false)
        {
            StatusCode = statusCode;
            ReasonPhrase = reasonPhrase;
            Headers = headers;
            Body = body;
            ContentType = contentType;
            RequestUri = requestUri;
            Elapsed = elapsed;
            Attempts = attempts;
            BodyTruncated = bodyTruncated;
        }

        public int StatusCode { get; }

        public string? ReasonPhrase { get; }

        /// <summary>Response and content headers, looked up case-insensitively.</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

        public string Body { get; }

        /// <summary>The body to quote in a message, an error or a log: every secret of the exchange masked (an error answer's Body already is).</summary>
        public string QuotedBody => _quoted ??= Secrets is { } secrets ? secrets.Apply(Body) : Body;

        private string? _quoted;

        /// <summary>The secrets of the exchange that brought this answer (see SecretScope).</summary>
        internal Secrets.SecretSet? Secrets { get; set; }

        public byte[]? BodyBytes { get; internal set; }

        public string? ContentType { get; }

        public Uri RequestUri { get; }

        /// <summary>The whole call's time, retries and waits included.</summary>
        public TimeSpan Elapsed { get; private set; }

        public int Attempts { get; private set; }

        public bool BodyTruncated { get; }

        /// <summary>-Proxy the answer came through, if any: a gateway status without the vendor's body may be the proxy's.</summary>
        internal Uri? Proxy { get; set; }

        /// <summary>Records the whole call's elapsed time and attempt count (before the response is handed out).</summary>
        internal void SetTotals(TimeSpan elapsed, int attempts)
        {
            Elapsed = elapsed;
            Attempts = attempts;
        }

        public bool IsSuccess => StatusCode >= 200 && StatusCode <= 299;

        public string? Header(string name) =>
            Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

        public IEnumerable<string> HeaderValues(string name) =>
            Headers.TryGetValue(name, out var values) ? values : Enumerable.Empty<string>();
    }
}
