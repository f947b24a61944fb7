using System.Linq;
using OperationsModule.PowerShell.Tests.Infrastructure;
using Xunit;

namespace OperationsModule.PowerShell.Tests
{
    /// <summary>What Import-Module and Get-Command show of the module.</summary>
    public sealed class ModuleSurfaceTests : RunspaceTest
    {
        public ModuleSurfaceTests(SimulatorFixture simulator) : base(simulator) { }

        [Fact]
        public void Import_warns_about_nothing_and_every_verb_is_approved()
        {
            var result = RunClean($"Import-Module '{TestPaths.ModuleManifest}' -Force -WarningVariable w -PassThru | Out-Null; $w.Count; @(Get-Command -Module OperationsModule | Where-Object {{ $_.Verb -notin (Get-Verb).Verb }}).Count");

            Assert.Equal(new[] { "0", "0" }, result.Output.Select(o => o.ToString()));
        }

        [Fact]
        public void The_module_exports_exactly_the_manifests_cmdlets()
        {
            var exported = RunClean("(Get-Command -Module OperationsModule).Name | Sort-Object").Output.Select(o => o.ToString());
            var manifest = RunClean($"(Import-PowerShellDataFile '{TestPaths.ModuleManifest}').CmdletsToExport | Sort-Object").Output.Select(o => o.ToString());

            Assert.Equal(manifest, exported);
            Assert.Equal(14, exported.Count()); // the four Get- commands of find, cancel, confirm among them
        }

        [Fact]
        public void Every_Stop_cmdlet_and_Submit_support_WhatIf_and_Confirm()
        {
            var missing = RunClean(@"
                'Submit-OutputCreation', 'Stop-OutputCreation', 'Stop-WorkflowExecution', 'Stop-Task', 'Stop-Job' |
                    Where-Object { -not ((Get-Command $_ -Module OperationsModule).Parameters.ContainsKey('WhatIf') -and (Get-Command $_ -Module OperationsModule).Parameters.ContainsKey('Confirm')) }").Output;

            Assert.Empty(missing);
        }
    }
}
