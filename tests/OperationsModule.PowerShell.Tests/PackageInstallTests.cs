using System;
using System.IO;
using OperationsModule.PowerShell.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace OperationsModule.PowerShell.Tests
{
    /// <summary>
    /// What a gallery user gets: tests/Packages/Test-PackageInstall.ps1 packs the module this build assembled, the test
    /// kit and the simulator tool, installs them by name into a fresh temporary home (Install-PSResource from a local
    /// repository, dotnet tool install --tool-path), with nothing of the repository on PSModulePath or PATH, and runs
    /// the examples' Pester tests there. In the pinned pwsh, out of process, like the Pester suite.
    /// </summary>
    public sealed class PackageInstallTests
    {
        private readonly ITestOutputHelper _log;

        public PackageInstallTests(ITestOutputHelper log) => _log = log;

        [Fact]
        public async System.Threading.Tasks.Task Packages_install_by_name_into_a_fresh_home_and_the_examples_pass_against_them()
        {
            Assert.True(File.Exists(TestPaths.PesterManifest), $"Pester is not in the NuGet cache ({TestPaths.PesterManifest}): run 'dotnet restore tests/OperationsModule.PowerShell.Tests'.");
            Assert.True(File.Exists(TestPaths.ModuleManifest), "The module was not assembled: " + TestPaths.ModuleManifest);

            // Beside this build's output: the tool's build is reused by the next run, the scratch folder is emptied first.
            var scratch = Path.GetFullPath(Path.Combine(TestPaths.ModuleFolder, "..", ".."));
            var run = await PinnedPwshScript.RunAsync(Path.Combine(TestPaths.Root, "tests", "Packages", "Test-PackageInstall.ps1"), new[]
            {
                "-ModulePath", TestPaths.ModuleFolder, "-PesterPath", TestPaths.PesterManifest, "-Configuration", TestPaths.Configuration,
                "-WorkPath", Path.Combine(scratch, "package-install"), "-ArtifactsPath", Path.Combine(scratch, "simulator-tool"),
            }, TimeSpan.FromMinutes(20), _log);
            var stdout = run.Stdout;

            Assert.True(run.Finished, "Packaging, installing and the examples did not finish within 20 minutes.");
            Assert.True(run.ExitCode == 0, $"Test-PackageInstall.ps1 failed (exit {run.ExitCode}):\n{run.Tail}");
            Assert.Matches(@"OperationsModule\.Testing \S+ installed in ", stdout);
            Assert.Matches(@"examples: [1-9]\d* passed, 0 failed", stdout);
        }
    }
}
