using System;
using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Validation
{
    /// <summary>A BaseUri must be an absolute http(s) address without credentials, query or fragment.</summary>
    internal static class BaseUriValidator
    {
        public static Uri Validate(string parameterName, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) throw new InputValidationException(parameterName, "the value is empty.");
            if (!Uri.TryCreate(value!.Trim(), UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc)
                throw new InputValidationException(parameterName, $"'{Echo(value)}' is not an absolute URI; use a form like https://server:9340/.");
            return Validate(parameterName, uri);
        }

        public static Uri Validate(string parameterName, Uri uri)
        {
            if (!uri.IsAbsoluteUri) throw new InputValidationException(parameterName, $"'{Echo(uri.OriginalString)}' is not an absolute URI; use a form like https://server:9340/.");
            if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                throw new InputValidationException(parameterName, $"the scheme '{uri.Scheme}' is not supported; use https:// (or http:// for a test server).");
            if (!string.IsNullOrEmpty(uri.UserInfo))
                throw new InputValidationException(parameterName, "the URI contains user information; pass credentials with -Credential or -Token instead.");
            if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
                throw new InputValidationException(parameterName, $"'{UriTextWithoutQuery(uri)}' has a query or fragment; give only the server's base address.");
            var text = uri.GetLeftPart(UriPartial.Path);
            return new Uri(text.EndsWith("/", StringComparison.Ordinal) ? text : text + "/");
        }

        /// <summary>
        /// The value as the message may show it: user info masked (a malformed URI can still carry a password)
        /// and long values shortened.
        /// </summary>
        internal static string Echo(string value)
        {
            var masked = UserInfo.Replace(value, "$1***@");
            return masked.Length <= 120 ? masked : masked.Substring(0, 120) + "…";
        }

        private static readonly System.Text.RegularExpressions.Regex UserInfo =
            new System.Text.RegularExpressions.Regex(@"^(\s*[A-Za-z][A-Za-z0-9+.\-]*:(?://)?)[^/?#]*@", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        private static string UriTextWithoutQuery(Uri uri) => uri.GetLeftPart(UriPartial.Path);
    }
}
