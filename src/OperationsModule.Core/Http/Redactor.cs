using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace OperationsModule.Core.Http
{
    /// <summary>Masks secrets in what the debug stream shows: header values and secret-looking body fields.</summary>
    internal static class Redactor
    {
        public const string Mask = "***";

        private static readonly HashSet<string> SecretHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Authorization", "Proxy-Authorization", "auth_token", "X-Auth-Token", "Cookie", "Set-Cookie", "macaroon", "Token",
        };

        private static readonly Regex SecretJsonField = new Regex(
            "(\"(?:password|passwd|secret|client_secret|apiKey|api_key|token|accessToken|access_token|refreshToken|refresh_token|auth_token|idToken)\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|\\{[^}]*\\})",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly Regex SecretFormField = new Regex(
            "((?:^|&)(?:password|client_secret|secret|token|access_token|refresh_token)=)[^&]*",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public static bool IsSecretHeader(string name) => SecretHeaders.Contains(name);

        public static string HeaderValue(string name, string value) => IsSecretHeader(name) ? Mask : value;

        public static string Body(string? body)
        {
            if (string.IsNullOrEmpty(body)) return string.Empty;
            var text = SecretJsonField.Replace(body, m => m.Groups[1].Value + "\"" + Mask + "\"");
            return SecretFormField.Replace(text, m => m.Groups[1].Value + Mask);
        }

        public static string Headers(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
        {
            var lines = new List<string>();
            foreach (var header in headers)
                lines.Add(header.Key + ": " + (IsSecretHeader(header.Key) ? Mask : string.Join(", ", header.Value)));
            return string.Join(Environment.NewLine, lines);
        }
    }
}
