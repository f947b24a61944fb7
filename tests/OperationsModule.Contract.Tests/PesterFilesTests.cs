using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace OperationsModule.Contract.Tests
{
    /// <summary>
    /// Checks the Pester files' shape where pwsh is absent: every file finds the module and the simulator one
    /// way (TestHelpers.psm1), stops every simulator it starts, and leaves no default session for the next file.
    /// </summary>
    public sealed class PesterFilesTests
    {
        private static string PesterFolder => Path.Combine(RepoPaths.Root, "tests", "Pester");

        public static IEnumerable<object[]> TestFiles() =>
            Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "Pester"), "*.Tests.ps1").Select(f => new object[] { Path.GetFileName(f) });

        [Fact]
        public void The_suite_has_test_files_and_no_second_helper()
        {
            Assert.True(TestFiles().Count() >= 6);
            Assert.Equal(new[] { "Invoke-PesterSuite.ps1" }, Directory.GetFiles(PesterFolder, "*.ps1").Select(Path.GetFileName).Where(f => !f!.EndsWith(".Tests.ps1")));
        }

        [Theory]
        [MemberData(nameof(TestFiles))]
        public void Each_file_uses_TestHelpers_and_cleans_up(string file)
        {
            var text = File.ReadAllText(Path.Combine(PesterFolder, file));
            Assert.Contains("Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force", text);
            Assert.Contains("Import-TestModule", text);
            Assert.DoesNotMatch(new Regex(@"^\s*\.\s", RegexOptions.Multiline), text); // no dot-sourced private helpers
            Assert.DoesNotContain("$env:OPERATIONSMODULE", text); // paths come from TestHelpers only
            var starts = Regex.Matches(text, @"Start-TestSimulator").Count;
            var stops = Regex.Matches(text, @"AfterAll\s*\{[^}]*Stop-TestSimulator", RegexOptions.Singleline).Count;
            Assert.Equal(starts, stops);
            if (Regex.IsMatch(text, @"Connect-OperationsServer\s+-System\s+\S+\s+-BaseUri"))
                Assert.Matches(new Regex(@"AfterAll\s*\{[^}]*Disconnect-TestSession", RegexOptions.Singleline), text);
        }
    }
}
