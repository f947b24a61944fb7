using System;
using System.Collections.Generic;
using System.Text;

namespace OperationsModule.Core.Http
{
    /// <summary>Appends query parameters to a URI, each name and value escaped; null values are left out.</summary>
    internal static class QueryString
    {
        public static Uri Append(Uri uri, IEnumerable<KeyValuePair<string, string?>> parameters)
        {
            var text = new StringBuilder(uri.AbsoluteUri);
            var separator = string.IsNullOrEmpty(uri.Query) ? '?' : '&';
            foreach (var pair in parameters)
            {
                if (pair.Value is null) continue;
                text.Append(separator).Append(Uri.EscapeDataString(pair.Key)).Append('=').Append(Uri.EscapeDataString(pair.Value));
                separator = '&';
            }
            return new Uri(text.ToString());
        }
    }
}
