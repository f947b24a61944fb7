using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace OperationsModule.Contract.Tests
{
    /// <summary>A PlatyPS 0.14 markdown help page, split into what the contract checks.</summary>
    public sealed class HelpPage
    {
        private HelpPage(string path, string text)
        {
            Path = path;
            Text = text;
            var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var parts = Regex.Split(SectionBody("PARAMETERS"), @"(?m)^### ");
            foreach (var part in parts.Skip(1))
            {
                var name = part.Split('\n')[0].Trim();
                if (name.StartsWith("-", StringComparison.Ordinal)) parameters[name.Substring(1)] = part;
            }
            Parameters = parameters;
        }

        public string Path { get; }

        public string Text { get; }

        /// <summary>Parameter name -> its section (the heading line onwards, including the yaml block).</summary>
        public IReadOnlyDictionary<string, string> Parameters { get; }

        public static string PathFor(string cmdlet) => System.IO.Path.Combine(RepoPaths.Docs, cmdlet + ".md");

        public static HelpPage Load(string cmdlet) => new HelpPage(PathFor(cmdlet), File.ReadAllText(PathFor(cmdlet)).Replace("\r\n", "\n"));

        public bool HasSection(string name) => Regex.IsMatch(Text, $@"(?m)^## {Regex.Escape(name)}\s*$");

        public int ExampleCount => Regex.Matches(Text, @"(?m)^### Example \d+").Count;

        public string SectionBody(string name)
        {
            var match = Regex.Match(Text, $@"(?ms)^## {Regex.Escape(name)}\s*$(?<body>.*?)(?=^## |\z)");
            return match.Success ? match.Groups["body"].Value : string.Empty;
        }

        /// <summary>A "Key: value" line from a parameter's yaml block.</summary>
        public static string? YamlValue(string section, string key)
        {
            var match = Regex.Match(section, $@"(?m)^{Regex.Escape(key)}:\s*(?<value>.*)$");
            return match.Success ? match.Groups["value"].Value.Trim() : null;
        }
    }
}
