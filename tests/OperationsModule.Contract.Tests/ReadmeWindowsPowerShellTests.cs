using System.IO;
using System.Text.RegularExpressions;
using Xunit;

namespace OperationsModule.Contract.Tests
{
    /// <summary>
    /// What a Windows PowerShell 5.1 user must read before installing, or meet a blocked or refused module: the "Before installing"
    /// section of docs/windows-powershell.md, which the README's install section sends them to, says how to unblock a
    /// downloaded copy, what AllSigned refuses, and what -Debug does in 5.1.
    /// </summary>
    public sealed class ReadmeWindowsPowerShellTests
    {
        private static string WindowsPowerShellSection()
        {
            var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
            Assert.True(Regex.IsMatch(readme, @"(?ms)^## Install\s*$.*?docs/windows-powershell\.md.*?^## "), "README.md's Install section should send Windows PowerShell 5.1 users to docs/windows-powershell.md.");
            var page = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "windows-powershell.md"));
            var match = Regex.Match(page, @"(?ms)^## Before installing on Windows PowerShell 5\.1\s*$(.*?)^## ");
            Assert.True(match.Success, "docs/windows-powershell.md has no '## Before installing on Windows PowerShell 5.1' section.");
            return match.Groups[1].Value;
        }

        [Theory]
        [InlineData("Unblock-File", "how to remove the internet-zone mark from a downloaded zip")]
        [InlineData("AllSigned", "that unsigned files are refused under AllSigned")]
        [InlineData("$DebugPreference = 'Continue'", "what to use instead of -Debug in a non-interactive 5.1 runbook")]
        [InlineData("4.7.2", "the .NET Framework release the module needs")]
        [InlineData("docs/windows-powershell.md", "where the verified and unverified 5.1 behaviour is listed")]
        public void The_install_section_tells_Windows_PowerShell_users(string text, string why)
        {
            Assert.True(WindowsPowerShellSection().Contains(text), $"The Windows PowerShell 5.1 'Before installing' section should say {why} ('{text}').");
        }
    }
}
