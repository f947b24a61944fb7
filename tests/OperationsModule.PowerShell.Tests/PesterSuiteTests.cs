using System;
using System.IO;
using OperationsModule.PowerShell.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace OperationsModule.PowerShell.Tests
{
    /// <summary>
    /// Runs tests/Pester in the repo's pinned pwsh (.config/dotnet-tools.json, restored by this project's build) with
    /// the pinned Pester package, against the module this build assembled and the simulator as a process. Never
    /// skipped: a missing pwsh or Pester fails here with the command that fixes it. Out of process, because a loaded
    /// module cannot be unloaded and the suite imports it afresh.
    /// </summary>
    public sealed class PesterSuiteTests
    {
        /// <summary>Where the suite's one-line summary goes, for .ci/run to print beside its totals.</summary>
        public static string SummaryPath => Path.Combine(TestPaths.Root, "TestResults", "pester-summary.txt");

        private readonly ITestOutputHelper _log;

        public PesterSuiteTests(ITestOutputHelper log) => _log = log;

        [Fact]
        public async System.Threading.Tasks.Task Pester_suite_passes_in_the_pinned_pwsh_against_the_built_module_and_the_simulator()
        {
            Assert.True(File.Exists(TestPaths.PesterManifest), $"Pester is not in the NuGet cache ({TestPaths.PesterManifest}): run 'dotnet restore tests/OperationsModule.PowerShell.Tests'.");
            Assert.True(File.Exists(TestPaths.ModuleManifest), "The module was not assembled: " + TestPaths.ModuleManifest);
            Assert.True(File.Exists(TestPaths.SimulatorDll), "Build the solution first: " + TestPaths.SimulatorDll);
            if (File.Exists(SummaryPath)) File.Delete(SummaryPath);

            var run = await PinnedPwshScript.RunAsync(Path.Combine(TestPaths.Root, "tests", "Pester", "Invoke-PesterSuite.ps1"), new[]
            {
                "-ModulePath", TestPaths.ModuleFolder, "-SimulatorPath", TestPaths.SimulatorDll, "-PesterPath", TestPaths.PesterManifest,
                "-SummaryPath", SummaryPath,
            }, TimeSpan.FromMinutes(20), _log);

            Assert.True(run.Finished, "The Pester suite did not finish within 20 minutes.");
            Assert.True(run.ExitCode != 127 && !run.Stderr.Contains("dotnet tool restore", StringComparison.Ordinal),
                "The pinned pwsh is missing: run 'dotnet tool restore' in the repository root.\n" + run.Stderr);
            Assert.True(run.ExitCode == 0, $"Pester failed (exit {run.ExitCode}):\n{run.Tail}");
            Assert.True(File.Exists(SummaryPath), "The suite wrote no summary: " + SummaryPath);
        }
    }
}
