using System;

namespace OperationsModule.Core.Http
{
    /// <summary>Renders URIs for messages: never user info, never a query (it may carry secrets).</summary>
    internal static class UriText
    {
        public static string ForDisplay(Uri uri)
        {
            if (!uri.IsAbsoluteUri) return uri.OriginalString;
            var text = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
            return string.IsNullOrEmpty(uri.Query) ? text : text + "?<query redacted>";
        }

        public static Uri Sanitize(Uri uri) =>
            !uri.IsAbsoluteUri || !MayCarryMore(uri) || (uri.UserInfo.Length == 0 && uri.Query.Length == 0 && uri.Fragment.Length == 0)
                ? uri // nothing to remove: skip a parse per response on the bulk hot path
                : new Uri(ForDisplay(uri).Replace("?<query redacted>", string.Empty));

        private static readonly char[] UserInfoQueryOrFragment = { '@', '?', '#' };

        /// <summary>
        /// False when the text the URI was made from (a combined URI's is the whole of it) has no '@', '?' or '#': then
        /// it has no user info, query or fragment, and asking for them (a parse of its components) can be skipped.
        /// </summary>
        private static bool MayCarryMore(Uri uri) => uri.OriginalString.IndexOfAny(UserInfoQueryOrFragment) >= 0;

        /// <summary>Same scheme, host and port.</summary>
        public static bool SameOrigin(Uri a, Uri b) =>
            string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase)
            && a.Port == b.Port;
    }
}
