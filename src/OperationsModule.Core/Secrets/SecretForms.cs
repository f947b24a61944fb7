using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OperationsModule.Core.Secrets
{
    /// <summary>
    /// The ways a secret can come back inside a server's text: as sent, JSON-escaped (once, as a body quoted in a
    /// JSON error message; twice, as that message quoted again), with the escaping our own serializer used (non-ASCII
    /// as \uXXXX), with "\/" (Java serializers), URL- and form-encoded (a form body quoted back), and Base64.
    /// </summary>
    internal static class SecretForms
    {
        public static IEnumerable<string> Of(string secret)
        {
            var forms = new HashSet<string>(StringComparer.Ordinal) { secret };
            foreach (var once in new[] { MinimalJson(secret), DefaultJson(secret) })
            {
                forms.Add(once);
                forms.Add(MinimalJson(once));
                forms.Add(DefaultJson(once));
            }
            foreach (var form in new List<string>(forms))
                if (form.IndexOf('/') >= 0) forms.Add(form.Replace("/", "\\/"));
            forms.Add(Uri.EscapeDataString(secret));
            forms.Add(WebUtility.UrlEncode(secret));
            forms.Add(Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)));
            return forms;
        }

        /// <summary>What JSON requires: quote, backslash and control characters.</summary>
        private static string MinimalJson(string text)
        {
            var result = new StringBuilder(text.Length + 8);
            foreach (var c in text)
            {
                switch (c)
                {
                    case '"': result.Append("\\\""); break;
                    case '\\': result.Append("\\\\"); break;
                    case '\n': result.Append("\\n"); break;
                    case '\r': result.Append("\\r"); break;
                    case '\t': result.Append("\\t"); break;
                    case '\b': result.Append("\\b"); break;
                    case '\f': result.Append("\\f"); break;
                    default:
                        if (c < ' ') result.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else result.Append(c);
                        break;
                }
            }
            return result.ToString();
        }

        /// <summary>System.Text.Json's default escaping (non-ASCII and HTML-sensitive characters as \uXXXX), as the module sends a login body.</summary>
        private static string DefaultJson(string text) => JsonEncodedText.Encode(text, JavaScriptEncoder.Default).ToString();
    }
}
