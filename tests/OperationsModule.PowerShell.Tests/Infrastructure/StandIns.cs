using System;
using System.IO;
using System.Linq;
using System.Management.Automation;

namespace OperationsModule.PowerShell.Tests.Infrastructure
{
    /// <summary>What other modules put beside ours, compiled for the tests: PowerCLI's Stop-Task and PowerShell jobs.</summary>
    public static class StandIns
    {
        private static readonly Lazy<string> PowerCli = new Lazy<string>(CompilePowerCli);

        /// <summary>
        /// VMware.VimAutomation.Common.dll, a binary module with PowerCLI's module name, Stop-Task cmdlet and task type
        /// (tests/Pester/StandIns), compiled once per test process: an assembly loads only once.
        /// </summary>
        public static string PowerCliModule => PowerCli.Value;

        /// <summary>
        /// Defines New-TestLocalJob in a runspace: a running PowerShell job in that runspace's job repository, which the
        /// built-in Stop-Job finds by Id and stops (background jobs would need a pwsh executable beside the SDK).
        /// </summary>
        public const string LocalJobs = @"
            Add-Type -TypeDefinition @'
            public sealed class TestLocalJob : System.Management.Automation.Job
            {
                public TestLocalJob() : base(""Start-Sleep 600"", ""local"") { SetJobState(System.Management.Automation.JobState.Running); }
                public override bool HasMoreData => false;
                public override string Location => ""localhost"";
                public override string StatusMessage => string.Empty;
                public override void StopJob() => SetJobState(System.Management.Automation.JobState.Stopped);
            }
'@
            function New-TestLocalJob { [CmdletBinding()] param() $job = [TestLocalJob]::new(); $PSCmdlet.JobRepository.Add($job); $job }";

        private static string CompilePowerCli()
        {
            var source = File.ReadAllText(Path.Combine(TestPaths.Root, "tests", "Pester", "StandIns", "VMware.VimAutomation.Common.cs"));
            var folder = Path.Combine(Path.GetTempPath(), "om-powercli-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var dll = Path.Combine(folder, "VMware.VimAutomation.Common.dll");
            using var ps = System.Management.Automation.PowerShell.Create();
            ps.AddCommand("Add-Type").AddParameter("TypeDefinition", source).AddParameter("OutputAssembly", dll).AddParameter("OutputType", "Library");
            ps.Invoke();
            if (ps.HadErrors || !File.Exists(dll))
                throw new InvalidOperationException("Compiling the PowerCLI stand-in failed: " + string.Join("; ", ps.Streams.Error.Select(e => e.ToString())));
            return dll;
        }
    }
}
