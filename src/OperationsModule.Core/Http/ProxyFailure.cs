using System;
using System.Net.Http;
using System.Text.RegularExpressions;
using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Http
{
    /// <summary>
    /// Failures that happen at the proxy (-Proxy), said as such: with a proxy, every connection the module opens goes
    /// to the proxy, so a refused connect means the proxy is unreachable, not the server; a 407, or a CONNECT tunnel the
    /// proxy would not open (407, 403, 502, ...), is the proxy's refusal. The proxy is named by UriText.ForDisplay, the
    /// redaction every URI in a message gets (no user info, no query), though ProxyValidator already refuses user info.
    /// </summary>
    internal static class ProxyFailure
    {
        private static readonly Regex QuotedStatus = new Regex(@"'(\d{3})'", RegexOptions.CultureInvariant);

        public static string Name(Uri? proxy) => proxy is null ? "a proxy (from the system's proxy settings)" : "the proxy " + UriText.ForDisplay(proxy);

        /// <summary>The connection to the proxy itself failed (refused, no such host): nothing reached the server.</summary>
        public static OperationsApiException Unreachable(HttpMethod method, Uri uri, Uri proxy, string reason, Exception inner) =>
            new OperationsApiException(
                $"{method.Method} {UriText.ForDisplay(uri)} failed: could not reach {Name(proxy)} ({reason}).",
                ErrorIds.ConnectionFailed, ErrorCategoryName.ConnectionError, inner)
            {
                Method = method.Method,
                RequestUri = UriText.Sanitize(uri),
                RecommendedAction = "Check -Proxy (its address and port) and that the proxy is running and reachable from this machine; or leave -Proxy out to connect directly.",
            };

        /// <summary>
        /// .NET's "proxy tunnel" failure: the proxy answered the CONNECT for an https:// server with something other
        /// than 200. Null when the exception is not one (read by name: netstandard2.0 has no HttpRequestError).
        /// </summary>
        public static OperationsApiException? TunnelRefused(HttpRequestException ex, HttpMethod method, Uri uri, Uri? proxy, bool proxyCredentialGiven)
        {
            var error = ex.GetType().GetProperty("HttpRequestError")?.GetValue(ex)?.ToString();
            if (error != "ProxyTunnel" && ex.Message.IndexOf("proxy tunnel", StringComparison.OrdinalIgnoreCase) < 0) return null;
            var status = ex.GetType().GetProperty("StatusCode")?.GetValue(ex) is System.Net.HttpStatusCode code ? (int)code
                : QuotedStatus.Match(ex.Message) is { Success: true } match ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
                : (int?)null;
            var answered = status is { } s ? ": " + StatusClassifier.Describe(s) : string.Empty;
            return new OperationsApiException(
                $"{method.Method} {UriText.ForDisplay(uri)} failed: {Name(proxy)} refused to open a tunnel to {HostAndPort(uri)}{answered}.",
                ErrorIds.ConnectionFailed, ErrorCategoryName.ConnectionError, ex)
            {
                Method = method.Method,
                RequestUri = UriText.Sanitize(uri),
                StatusCode = status,
                RecommendedAction = Advice(status, uri, proxyCredentialGiven),
            };
        }

        /// <summary>The proxy answered 407 to a plain http:// request (after any -ProxyCredential was tried).</summary>
        public static OperationsApiException AuthenticationRequired(HttpMethod method, Uri uri, Uri? proxy, bool proxyCredentialGiven, int attempts) =>
            new OperationsApiException(
                $"{method.Method} {UriText.ForDisplay(uri)} failed: {Name(proxy)} refused the request: {StatusClassifier.Describe(407)}"
                + (proxyCredentialGiven ? "; it did not accept the proxy credential." : "; it asks for authentication."),
                ErrorIds.ConnectionFailed, ErrorCategoryName.ConnectionError)
            {
                Method = method.Method,
                RequestUri = UriText.Sanitize(uri),
                StatusCode = 407,
                Attempts = attempts,
                RecommendedAction = Advice(407, uri, proxyCredentialGiven),
            };

        /// <summary>A gateway status through a proxy, when the body is not the vendor's: the proxy may be the one answering.</summary>
        public static string GatewayNote(Uri proxy) =>
            $" (through {Name(proxy)}: a proxy answers this when it cannot reach the server)";

        private static string HostAndPort(Uri uri) => uri.Host + ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        private static string Advice(int? status, Uri uri, bool proxyCredentialGiven) => status switch
        {
            407 when proxyCredentialGiven => "The proxy did not accept -ProxyCredential: check the proxy user name (DOMAIN\\user for a Windows proxy) and password.",
            407 => "The proxy asks for authentication: give its account with -ProxyCredential, or -ProxyUseDefaultCredentials for a proxy that takes your Windows logon.",
            >= 500 => $"The proxy could not reach {HostAndPort(uri)}: check -BaseUri, and that the proxy may connect to that server.",
            _ => $"The proxy refused the connection to {HostAndPort(uri)}: ask its administrators to allow that server, or check -Proxy.",
        };
    }
}
