using System;
using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Validation
{
    /// <summary>A BaseUri must be an absolute http(s) address without credentials, query or fragment.</summary>
    public static class BaseUriValidator
    {
        public static Uri Validate(string parameterName, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) throw new InputValidationException(parameterName, "the value is empty.");
            if (!Uri.TryCreate(value!.Trim(), UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc)
                throw new InputValidationException(parameterName, $"'{value}' is not an absolute URI; use a form like https://server:9340/.");
            return Validate(parameterName, uri);
        }

        public static Uri Validate(string parameterName, Uri uri)
        {
            if (!uri.IsAbsoluteUri) throw new InputValidationException(parameterName, $"'{uri.OriginalString}' is not an absolute URI; use a form like https://server:9340/.");
            if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                throw new InputValidationException(parameterName, $"the scheme '{uri.Scheme}' is not supported; use https:// (or http:// for a test server).");
            if (!string.IsNullOrEmpty(uri.UserInfo))
                throw new InputValidationException(parameterName, "the URI contains user information; pass credentials with -Credential or -Token instead.");
            if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
                throw new InputValidationException(parameterName, $"'{UriTextWithoutQuery(uri)}' has a query or fragment; give only the server's base address.");
            var text = uri.GetLeftPart(UriPartial.Path);
            return new Uri(text.EndsWith("/", StringComparison.Ordinal) ? text : text + "/");
        }

        private static string UriTextWithoutQuery(Uri uri) => uri.GetLeftPart(UriPartial.Path);
    }
}
