using System.Linq;
using OperationsModule.Core.Models;
using OperationsModule.PowerShell.Tests.Infrastructure;
using Xunit;

namespace OperationsModule.PowerShell.Tests
{
    /// <summary>
    /// Stop-Task beside PowerCLI: its task objects and its -Task parameter go to VMware.VimAutomation.Common\Stop-Task
    /// (a compiled stand-in of that name here) when it is loaded, with one clear error when it is not; SDDC Manager
    /// never sees them.
    /// </summary>
    public sealed class PowerCliTaskTests : RunspaceTest
    {
        public PowerCliTaskTests(SimulatorFixture simulator) : base(simulator)
        {
            Shell.Set("powerCliDll", StandIns.PowerCliModule);
        }

        private void LoadPowerCli() => RunClean(@"
            Import-Module $powerCliDll
            [VMware.VimAutomation.Common.StandIn.StopTaskStandIn]::Stopped.Clear()
            $viTask = [VMware.VimAutomation.ViCore.Impl.V1.Task.TaskImpl]@{ Id = 'Task-task-77' }
            $viRefused = [VMware.VimAutomation.ViCore.Impl.V1.Task.TaskImpl]@{ Id = 'Task-refused-1' }");

        private string[] StoppedByPowerCli() =>
            RunClean("[VMware.VimAutomation.Common.StandIn.StopTaskStandIn]::Stopped").Output.Select(o => o.ToString()).ToArray();

        [Fact]
        public void Piped_PowerCLI_tasks_go_to_PowerCLIs_Stop_Task_and_SDDC_task_IDs_beside_them_to_SDDC_Manager()
        {
            LoadPowerCli();
            Server.State.Vcf.AddTask("sddc-1");

            var result = Shell.Run("$viTask, 'sddc-1', $viRefused | OperationsModule\\Stop-Task @vcf");

            Assert.Null(result.Terminating);
            Assert.Equal(new[] { "Task-task-77" }, StoppedByPowerCli());
            Assert.Equal("PowerCLI stand-in", result.Output.Single(o => o.Properties["StoppedBy"] is not null).Properties["StoppedBy"].Value);
            Assert.Equal("sddc-1", result.Objects<CancellationResult>().Single().Id);
            // PowerCLI's own error for its task comes through with its reason (replayed by this command, as Stop-Job's are).
            var error = Assert.Single(result.Errors);
            Assert.StartsWith("StandInRefused,", error.FullyQualifiedErrorId);
            Assert.Contains("Task-refused-1", error.Exception.Message);
            Assert.Equal(new[] { "DELETE /v1/tasks/sddc-1" }, Simulator.Requests().Where(r => r.StartsWith("DELETE /v1/tasks/")));
        }

        [Fact]
        public void Task_is_PowerCLIs_parameter_not_an_abbreviation_of_TaskId_and_WhatIf_goes_with_it()
        {
            LoadPowerCli();

            var stopped = Shell.Run("OperationsModule\\Stop-Task -Task $viTask");
            var whatIf = Shell.Run("OperationsModule\\Stop-Task -Task $viRefused, $viTask -WhatIf");

            Assert.Empty(stopped.Errors);
            Assert.Equal("Task-task-77", stopped.Output.Single().Properties["Stopped"].Value);
            Assert.Single(whatIf.Errors); // the stand-in's refusal, before its ShouldProcess
            Assert.Contains(Shell.Host.Recorder.Lines, l => l.Contains("What if") && l.Contains("Task-task-77"));
            Assert.Equal(new[] { "Task-task-77" }, StoppedByPowerCli());
            Assert.Empty(Simulator.Requests());
        }

        [Fact]
        public void Without_PowerCLI_a_PowerCLI_task_is_one_clear_error_naming_PowerCLI_and_nothing_is_sent()
        {
            Shell.Set("deserialized", Deserialized());
            var result = Shell.Run(@"
                $fake = [pscustomobject]@{ Id = 'Task-task-9'; Name = 'CloneVM_Task' }
                $fake.PSObject.TypeNames.Insert(0, 'VMware.VimAutomation.ViCore.Impl.V1.Task.TaskImpl')
                $fake, $deserialized | Stop-Task @vcf
                Stop-Task -Task 'Task-task-10'");

            Assert.Null(result.Terminating);
            Assert.Equal(3, result.Errors.Count);
            Assert.All(result.Errors, e =>
            {
                Assert.StartsWith("InvalidParameter,", e.FullyQualifiedErrorId);
                Assert.Contains("PowerCLI", e.Exception.Message);
                Assert.Contains("VMware.VimAutomation.Common", e.Exception.Message);
            });
            Assert.Empty(result.Output);
            Assert.Empty(Simulator.Requests());
        }

        [Fact]
        public void An_SDDC_Manager_parameter_with_Task_is_refused_before_anything_runs()
        {
            LoadPowerCli();

            var result = Shell.Run("OperationsModule\\Stop-Task -Task $viTask -ThrottleLimit 2");

            // Terminating (the statement ends); the script's next statements would still run.
            var error = Assert.Single(result.Errors);
            Assert.StartsWith("InvalidParameter,", error.FullyQualifiedErrorId);
            Assert.Contains("-ThrottleLimit applies only to SDDC Manager tasks", error.Exception.Message);
            Assert.Empty(StoppedByPowerCli());
        }

        private static System.Management.Automation.PSObject Deserialized()
        {
            // A PowerCLI task that went through Export-Clixml or a remote session: only its type names say PowerCLI.
            var item = new System.Management.Automation.PSObject();
            item.Properties.Add(new System.Management.Automation.PSNoteProperty("Id", "Task-task-11"));
            item.TypeNames.Clear();
            item.TypeNames.Add("Deserialized.VMware.VimAutomation.ViCore.Impl.V1.Task.TaskImpl");
            return item;
        }
    }
}
