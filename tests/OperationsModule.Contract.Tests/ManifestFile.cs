using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace OperationsModule.Contract.Tests
{
    /// <summary>Reads the few manifest keys the contract needs (a psd1 is a PowerShell hashtable literal).</summary>
    public static class ManifestFile
    {
        public static string Text => File.ReadAllText(RepoPaths.Manifest);

        /// <summary>The quoted names of an @( ... ) list value.</summary>
        public static IReadOnlyList<string> List(string key)
        {
            var match = Regex.Match(Text, $@"(?m)^\s*{key}\s*=\s*@\((?<items>[^)]*)\)");
            if (!match.Success) return new List<string>();
            return Regex.Matches(match.Groups["items"].Value, "'([^']*)'").Select(m => m.Groups[1].Value).ToList();
        }

        public static string? Scalar(string key)
        {
            var match = Regex.Match(Text, $@"(?m)^\s*{key}\s*=\s*'(?<value>[^']*)'");
            return match.Success ? match.Groups["value"].Value : null;
        }

        public static bool HasKey(string key) => Regex.IsMatch(Text, $@"(?m)^\s*{key}\s*=");
    }
}
