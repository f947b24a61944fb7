using System.Linq;
using System.Management.Automation;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.PowerShell.Tests.Infrastructure;
using Xunit;

namespace OperationsModule.PowerShell.Tests
{
    /// <summary>Error records as PowerShell builds them from what the cmdlets write: one per failed item.</summary>
    public sealed class ErrorRecordTests : RunspaceTest
    {
        public ErrorRecordTests(SimulatorFixture simulator) : base(simulator) { }

        [Fact]
        public void A_404_is_one_ObjectNotFound_record_with_the_id_the_vendor_words_and_advice()
        {
            var result = Shell.Run("Stop-OutputCreation -OperationId 'no-such-op' @ol");
            var error = Assert.Single(result.Errors);

            Assert.Equal("NotFound,OperationsModule.Cmdlets.StopOutputCreationCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("no-such-op", error.TargetObject);
            Assert.False(string.IsNullOrWhiteSpace(error.ErrorDetails?.Message));
            Assert.False(string.IsNullOrWhiteSpace(error.ErrorDetails?.RecommendedAction));
            var api = Assert.IsType<OperationsApiException>(error.Exception);
            Assert.Equal(404, api.StatusCode);
        }

        [Fact]
        public void A_VCF_409_is_ResourceBusy_with_the_remediation_as_RecommendedAction()
        {
            Server.State.Vcf.AddTask("done-task", "SUCCESSFUL");
            var error = Assert.Single(Shell.Run("Stop-Task -TaskId 'done-task' @vcf").Errors);

            Assert.Equal("Conflict,OperationsModule.Cmdlets.StopTaskCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceBusy, error.CategoryInfo.Category);
            Assert.Equal(((OperationsApiException)error.Exception).VendorError!.Remediation, error.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void A_rejected_Onedata_token_is_an_AuthenticationError()
        {
            Shell.Set("badToken", ModuleHost.Secure("revoked"));
            var error = Assert.Single(Shell.Run("$b = $od.Clone(); $b.Token = $badToken; Stop-WorkflowExecution -ExecutionId 'w-1' @b").Errors);

            Assert.Equal("Unauthorized,OperationsModule.Cmdlets.StopWorkflowExecutionCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        }

        [Fact]
        public void Bad_IDs_are_refused_one_record_each_and_good_ones_still_go()
        {
            Server.State.Vcf.AddTask("good");
            var result = Shell.Run("Stop-Task -TaskId '..', 'good', ('x' * 300) @vcf -ThrottleLimit 1");

            Assert.Equal("good", result.Objects<CancellationResult>().Single().Id);
            Assert.Equal(2, result.Errors.Count);
            Assert.All(result.Errors, e =>
            {
                Assert.StartsWith("InvalidParameter,", e.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
                Assert.Contains("TaskId", e.Exception.Message);
            });
            Assert.Equal(new[] { "DELETE /v1/tasks/good" }, Simulator.Requests().Where(r => r.StartsWith("DELETE /v1/tasks/")));
        }

        [Fact]
        public void ErrorAction_Stop_throws_the_first_failure_and_ends_the_run()
        {
            // 200 IDs, the second unknown: the run ends there. Items the engine had already queued may have gone
            // out (it holds at most ThrottleLimit + max(ThrottleLimit, 16)), the rest of the input never does.
            Server.State.Vcf.AddTasks(System.Linq.Enumerable.Range(1, 200).Select(i => $"s-{i}"));
            var result = Shell.Run("1..200 | ForEach-Object { if ($_ -eq 2) { 'missing' } else { \"s-$_\" } } | Stop-Task @vcf -ThrottleLimit 1 -ErrorAction Stop; 'not reached'");

            Assert.NotNull(result.Terminating);
            Assert.Equal("NotFound,OperationsModule.Cmdlets.StopTaskCommand", result.Terminating!.ErrorRecord.FullyQualifiedErrorId);
            Assert.Equal("missing", result.Terminating.ErrorRecord.TargetObject);
            Assert.DoesNotContain(result.Output, o => o.ToString() == "not reached");
            Assert.InRange(Simulator.Requests().Count(r => r.StartsWith("DELETE")), 2, 1 + 16 + 1);
        }

        [Fact]
        public void Without_a_session_the_command_stops_and_names_the_command_to_run()
        {
            // A terminating error ends the statement; the script's error stream holds it.
            var result = Shell.Run("Stop-Task -TaskId 't1', 't2'; 'next statement'");

            var error = Assert.Single(result.Errors);
            Assert.Equal("NoSession,OperationsModule.Cmdlets.StopTaskCommand", error.FullyQualifiedErrorId);
            Assert.Contains("Connect-OperationsServer -System Vcf", error.Exception.Message);
            Assert.Equal("next statement", Assert.Single(result.Output).ToString());
        }

        /// <summary>The NoSession advice names the piped object's server and the commands as imported with -Prefix.</summary>
        [Fact]
        public void Without_a_session_the_advice_names_the_piped_server_and_the_prefixed_commands()
        {
            Shell.Set("manifest", TestPaths.ModuleManifest);
            var result = Shell.Run(@"
                Remove-Module OperationsModule
                Import-Module $manifest -Prefix Ops
                [pscustomobject]@{ OperationId = 'op-1'; Server = 'https://olc.example.org:9341/' } | Stop-OpsOutputCreation");

            var error = Assert.Single(result.Errors);
            Assert.Equal("NoSession,OperationsModule.Cmdlets.StopOutputCreationCommand", error.FullyQualifiedErrorId);
            Assert.Contains("https://olc.example.org:9341/: pass -Credential or -Token to Stop-OpsOutputCreation", error.Exception.Message);
            Assert.Equal("Connect-OpsOperationsServer -System OLConnect -BaseUri https://olc.example.org:9341/ -Credential (Get-Credential)", error.ErrorDetails.RecommendedAction);
            Assert.DoesNotContain("server:9340", error.Exception.Message);
        }

        /// <summary>The commands a timed-out wait offers to resume or cancel are named as imported, too.</summary>
        [Fact]
        public void A_timed_out_wait_offers_the_prefixed_commands_to_resume_and_cancel()
        {
            var id = Server.State.OlConnect.AddOperation().Id;
            Shell.Set("manifest", TestPaths.ModuleManifest);
            var result = Shell.Run($@"
                Remove-Module OperationsModule
                Import-Module $manifest -Prefix Ops
                Wait-OpsOutputCreation -OperationId '{id}' -PollIntervalSec 1 -WaitTimeoutSec 1 @ol");

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("WaitTimedOut,", error.FullyQualifiedErrorId);
            Assert.Contains($"Wait-OpsOutputCreation -OperationId '{id}'", error.ErrorDetails.RecommendedAction);
            Assert.Contains($"Stop-OpsOutputCreation -OperationId '{id}'", error.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void A_forwarded_Stop_Job_error_meets_the_callers_ErrorAction_even_under_ErrorActionPreference_Stop()
        {
            var result = Shell.Run(@"
                $ErrorActionPreference = 'Stop'
                Stop-Job -Id 2147483000 -ErrorVariable errs -ErrorAction SilentlyContinue
                $errs.Count; $errs[0].FullyQualifiedErrorId");

            Assert.Null(result.Terminating);
            Assert.Equal("1", result.Output[0].ToString());
            Assert.Equal("JobWithSpecifiedSessionNotFound,OperationsModule.Cmdlets.StopJobCommand", result.Output[1].ToString());
        }
    }
}
