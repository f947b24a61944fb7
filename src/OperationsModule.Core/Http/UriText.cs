using System;

namespace OperationsModule.Core.Http
{
    /// <summary>Renders URIs for messages: never user info, never a query (it may carry secrets).</summary>
    public static class UriText
    {
        public static string ForDisplay(Uri uri)
        {
            if (!uri.IsAbsoluteUri) return uri.OriginalString;
            var text = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
            return string.IsNullOrEmpty(uri.Query) ? text : text + "?<query redacted>";
        }

        public static Uri Sanitize(Uri uri) => uri.IsAbsoluteUri ? new Uri(ForDisplay(uri).Replace("?<query redacted>", string.Empty)) : uri;

        /// <summary>Same scheme, host and port.</summary>
        public static bool SameOrigin(Uri a, Uri b) =>
            string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase)
            && a.Port == b.Port;
    }
}
