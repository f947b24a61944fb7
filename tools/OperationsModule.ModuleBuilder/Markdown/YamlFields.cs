using System;
using System.Collections.Generic;

namespace OperationsModule.ModuleBuilder.Markdown
{
    /// <summary>
    /// The flat "Key: value" YAML that PlatyPS writes (front matter and parameter metadata): one scalar per key,
    /// no nesting, no quoting rules beyond what PlatyPS emits. A general YAML library would accept far more than
    /// PlatyPS produces, and hide a malformed line instead of reporting it.
    /// </summary>
    public static class YamlFields
    {
        /// <summary>Keys compare case-insensitively; a value may be empty ("Aliases:"). Returns the first bad line, if any.</summary>
        public static IReadOnlyDictionary<string, string> Parse(string yaml, out string? badLine)
        {
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            badLine = null;
            foreach (var raw in yaml.Split('\n'))
            {
                var line = raw.TrimEnd('\r');
                if (line.Trim().Length == 0 || line.TrimStart().StartsWith("#", StringComparison.Ordinal)) continue;
                var colon = line.IndexOf(':');
                if (colon <= 0)
                {
                    badLine ??= line;
                    continue;
                }
                fields[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
            }
            return fields;
        }
    }
}
