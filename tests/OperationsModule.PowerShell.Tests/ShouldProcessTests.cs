using System.Linq;
using OperationsModule.PowerShell.Tests.Infrastructure;
using Xunit;

namespace OperationsModule.PowerShell.Tests
{
    /// <summary>-WhatIf, -Confirm and $ConfirmPreference, through a host that records what is printed and answers prompts.</summary>
    public sealed class ShouldProcessTests : RunspaceTest
    {
        public ShouldProcessTests(SimulatorFixture simulator) : base(simulator) { }

        private string[] WhatIfLines() => Shell.Host.Recorder.Lines.Where(l => l.StartsWith("What if: ")).ToArray();

        [Theory]
        [InlineData("Stop-OutputCreation -OperationId 'w-1' @ol", "POST {0}rest/serverengine/workflow/outputcreation/cancel/w-1")]
        [InlineData("Stop-WorkflowExecution -ExecutionId 'w-1' @od", "POST {0}api/v3/oneprovider/automation/execution/workflows/w-1/cancel")]
        [InlineData("Stop-Task -TaskId 'w-1' @vcf", "DELETE {0}v1/tasks/w-1")]
        [InlineData("Stop-Job -JobId 5 -Reason 'x' @bc", "PUT {0}v1/jobs/5/cancel")]
        [InlineData("Submit-OutputCreation -ConfigId 1001 -JobId 1 @ol", "POST {0}rest/serverengine/workflow/outputcreation/1001/jobs")]
        public void WhatIf_prints_the_method_and_URL_and_sends_nothing(string command, string call)
        {
            var result = RunClean(command + " -WhatIf");

            Assert.Empty(result.Output);
            var line = Assert.Single(WhatIfLines());
            Assert.Contains(string.Format(call, Simulator.BaseUri), line);
            Assert.Empty(Simulator.Requests());
        }

        [Fact]
        public void Disconnect_WhatIf_shows_the_VCF_refresh_token_revocation_and_sends_nothing()
        {
            RunClean("Connect-OperationsServer -System Vcf @vcf");
            Server.Journal.Clear();
            RunClean("Disconnect-OperationsServer -System Vcf -WhatIf; Get-OperationsSession -System Vcf | Out-Null");

            Assert.Contains(WhatIfLines(), l => l.Contains($"DELETE {Simulator.BaseUri}v1/tokens/refresh-token"));
            Assert.Empty(Simulator.Requests());
        }

        [Fact]
        public void WhatIf_on_a_list_prints_one_line_per_ID()
        {
            RunClean("Stop-Task -TaskId 'a', 'b', 'c' @vcf -WhatIf");

            Assert.Equal(3, WhatIfLines().Length);
            Assert.Empty(Simulator.Requests());
        }

        [Fact]
        public void Confirm_answered_No_sends_nothing_and_Yes_sends_the_cancel()
        {
            Server.State.Vcf.AddTasks(new[] { "c-1", "c-2" });
            Shell.Host.Recorder.Answer = "No";
            RunClean("Stop-Task -TaskId 'c-1' @vcf -Confirm");
            Assert.Single(Shell.Host.Recorder.Prompts);
            Assert.DoesNotContain(Simulator.Requests(), r => r.StartsWith("DELETE"));

            Shell.Host.Recorder.Answer = "Yes";
            RunClean("Stop-Task -TaskId 'c-2' @vcf -Confirm");
            Assert.Contains("DELETE /v1/tasks/c-2", Simulator.Requests());
        }

        [Fact]
        public void ConfirmPreference_Medium_prompts_for_Stop_but_not_for_Submit()
        {
            Shell.Host.Recorder.Answer = "No";
            RunClean("$ConfirmPreference = 'Medium'; Submit-OutputCreation -ConfigId 1001 -JobId 1 @ol | Out-Null; Stop-Task -TaskId 'p-1' @vcf");

            var prompt = Assert.Single(Shell.Host.Recorder.Prompts);
            Assert.Contains("v1/tasks/p-1", prompt);
            Assert.Contains(Simulator.Requests(), r => r.EndsWith("/1001/jobs"));
        }

        [Fact]
        public void ConfirmPreference_Low_prompts_for_Submit_too()
        {
            Shell.Host.Recorder.Answer = "No";
            RunClean("$ConfirmPreference = 'Low'; Submit-OutputCreation -ConfigId 1001 -JobId 1 @ol");

            Assert.Single(Shell.Host.Recorder.Prompts);
            Assert.DoesNotContain(Simulator.Requests(), r => r.EndsWith("/1001/jobs"));
        }

        [Fact]
        public void Yes_to_All_answers_once_for_a_whole_list()
        {
            Server.State.Vcf.AddTasks(new[] { "y-1", "y-2", "y-3" });
            Shell.Host.Recorder.Answer = "Yes to All";
            var results = RunClean("Stop-Task -TaskId 'y-1', 'y-2', 'y-3' @vcf -Confirm").Output;

            Assert.Single(Shell.Host.Recorder.Prompts);
            Assert.Equal(3, results.Count);
        }

    }
}
