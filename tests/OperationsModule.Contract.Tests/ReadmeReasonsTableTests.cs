using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace OperationsModule.Contract.Tests
{
    /// <summary>
    /// The reasons table (docs/errors.md, linked from the README) is where users look up a FullyQualifiedErrorId, so a reason missing there (as OutFileFailed once was) leaves them guessing.
    /// Every reason Core can write (the constants of OperationsModule.Core.Errors.ErrorIds) has its row, and the
    /// table names no reason the code does not have.
    /// </summary>
    public sealed class ReadmeReasonsTableTests
    {
        private static string[] ReasonsInCode() =>
            CmdletMetadata.Instance.CoreAssembly.GetType("OperationsModule.Core.Errors.ErrorIds", throwOnError: true)!
                .GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral)
                .Select(f => (string)f.GetRawConstantValue()!)
                .ToArray();

        /// <summary>The back-quoted names in the first column of the table headed "reason (start of FullyQualifiedErrorId)".</summary>
        private static string[] ReasonsInReadme()
        {
            var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "errors.md"));
            var table = Regex.Match(readme, @"(?m)^\| reason \(start of FullyQualifiedErrorId\) \|.*\r?\n\|[-| ]+\|\r?\n((?:\|.*\r?\n?)+)");
            Assert.True(table.Success, "docs/errors.md has no table headed '| reason (start of FullyQualifiedErrorId) |'.");
            return table.Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(row => row.Split('|')[1])
                .SelectMany(cell => Regex.Matches(cell, "`([A-Za-z]+)`").Select(m => m.Groups[1].Value))
                .ToArray();
        }

        [Fact]
        public void Every_reason_in_the_code_has_a_row_in_the_README_table()
        {
            var missing = ReasonsInCode().Except(ReasonsInReadme(), StringComparer.Ordinal).ToArray();
            Assert.True(missing.Length == 0, "docs/errors.md's reasons table lacks: " + string.Join(", ", missing));
        }

        [Fact]
        public void The_README_table_names_only_reasons_the_code_has()
        {
            var unknown = ReasonsInReadme().Except(ReasonsInCode(), StringComparer.Ordinal).ToArray();
            Assert.True(unknown.Length == 0, "docs/errors.md's reasons table names reasons the code never writes: " + string.Join(", ", unknown));
            Assert.Contains("OutFileFailed", ReasonsInReadme());
        }
    }
}
