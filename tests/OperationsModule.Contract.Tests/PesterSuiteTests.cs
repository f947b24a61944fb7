using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace OperationsModule.Contract.Tests
{
    /// <summary>
    /// Runs tests/Pester in a child pwsh (a loaded module DLL cannot be unloaded, so never in-process) when
    /// pwsh and Pester 5 are on this machine; otherwise xunit reports the test as skipped, with the reason.
    /// </summary>
    public sealed class PesterSuiteTests
    {
        private readonly ITestOutputHelper _log;

        public PesterSuiteTests(ITestOutputHelper log) => _log = log;

        [PesterFact]
        public void Pester_suite_passes_against_the_built_module_and_the_simulator()
        {
            var simulator = Path.Combine(RepoPaths.Root, "src", "OperationsModule.Simulator", "bin", RepoPaths.Configuration, "net10.0", "OperationsModule.Simulator.dll");
            Assert.True(File.Exists(simulator), "Build the solution first: " + simulator);
            var start = new ProcessStartInfo(PesterEnvironment.Pwsh!)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = RepoPaths.Root,
            };
            foreach (var arg in new[] { "-NoProfile", "-NonInteractive", "-File", Path.Combine(RepoPaths.Root, "tests", "Pester", "Invoke-PesterSuite.ps1"), "-ModulePath", RepoPaths.ModuleBin, "-SimulatorPath", simulator })
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            var finished = process.WaitForExit((int)TimeSpan.FromMinutes(20).TotalMilliseconds);
            if (!finished) process.Kill(entireProcessTree: true);
            _log.WriteLine(stdout.Result);
            _log.WriteLine(stderr.Result);
            Assert.True(finished, "The Pester suite did not finish within 20 minutes.");
            Assert.True(process.ExitCode == 0, $"Pester failed (exit {process.ExitCode}):\n{Tail(stdout.Result)}\n{Tail(stderr.Result)}");
        }

        private static string Tail(string text) => string.Join("\n", text.Split('\n').TakeLast(60));
    }

    /// <summary>A Fact that skips, saying why, where pwsh or Pester 5 is missing.</summary>
    public sealed class PesterFactAttribute : FactAttribute
    {
        public PesterFactAttribute()
        {
            if (PesterEnvironment.SkipReason is not { } reason) return;
            Skip = reason;
            // The runner prints skip reasons only at normal verbosity; the name is printed at every verbosity.
            DisplayName = reason;
        }
    }

    public static class PesterEnvironment
    {
        private static readonly Lazy<(string? Pwsh, string? Skip)> Probe = new Lazy<(string?, string?)>(Detect);

        public static string? Pwsh => Probe.Value.Pwsh;

        public static string? SkipReason => Probe.Value.Skip;

        private static (string?, string?) Detect()
        {
            var pwsh = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
                .SelectMany(dir => new[] { Path.Combine(dir, "pwsh"), Path.Combine(dir, "pwsh.exe") })
                .FirstOrDefault(File.Exists);
            if (pwsh is null) return (null, "Pester suite skipped: pwsh is not on PATH (install PowerShell 7 and Pester 5 to run tests/Pester).");
            var check = new ProcessStartInfo(pwsh) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "-NoProfile", "-NonInteractive", "-Command", "if (Get-Module -ListAvailable Pester | Where-Object { $_.Version.Major -ge 5 }) { exit 0 } else { exit 3 }" })
                check.ArgumentList.Add(arg);
            using var process = Process.Start(check)!;
            process.WaitForExit(60_000);
            return process.ExitCode == 0 ? (pwsh, null) : (pwsh, "Pester suite skipped: pwsh is on PATH but Pester 5 is not installed (Install-Module Pester -MinimumVersion 5.0).");
        }
    }
}
