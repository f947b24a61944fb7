using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace OperationsModule.Core.Http
{
    /// <summary>
    /// RFC 8288 Link headers: any number of headers, each a comma-separated list of &lt;uri&gt;; params.
    /// Targets are resolved against the request URI, so relative and absolute forms both work.
    /// </summary>
    internal static class LinkHeaderParser
    {
        private static readonly Regex Link = new Regex("<(?<uri>[^>]*)>(?<params>[^<]*)", RegexOptions.CultureInvariant);
        private static readonly Regex Rel = new Regex("(?:^|;)\\s*rel\\s*=\\s*(?:\"(?<v>[^\"]*)\"|(?<v>[^;,\\s]+))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>rel (lower-case) -> the first URI with that rel.</summary>
        public static IReadOnlyDictionary<string, Uri> Parse(IEnumerable<string> headerValues, Uri requestUri)
        {
            var links = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase);
            foreach (var value in headerValues)
            {
                foreach (Match link in Link.Matches(value ?? string.Empty))
                {
                    var rel = Rel.Match(link.Groups["params"].Value);
                    if (!rel.Success || !Uri.TryCreate(requestUri, link.Groups["uri"].Value.Trim(), out var target)) continue;
                    foreach (var name in rel.Groups["v"].Value.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries))
                        if (!links.ContainsKey(name)) links[name] = target;
                }
            }
            return links;
        }
    }
}
