using System.Linq;
using OperationsModule.Core.Models;
using OperationsModule.PowerShell.Tests.Infrastructure;
using Xunit;

namespace OperationsModule.PowerShell.Tests
{
    /// <summary>Pipeline and array binding as PowerShell itself does it: by value, by property name (with aliases), from arrays.</summary>
    public sealed class BindingTests : RunspaceTest
    {
        public BindingTests(SimulatorFixture simulator) : base(simulator) { }

        [Fact]
        public void Piped_strings_bind_by_value_and_each_yields_one_result()
        {
            Server.State.Vcf.AddTasks(new[] { "t-1", "t-2", "t-3" });
            var results = RunClean("'t-1', 't-2', 't-3' | Stop-Task @vcf").Objects<CancellationResult>().ToList();

            Assert.Equal(new[] { "t-1", "t-2", "t-3" }, results.Select(r => r.Id).OrderBy(i => i));
            Assert.Equal(3, Simulator.Requests().Count(r => r.StartsWith("DELETE /v1/tasks/")));
        }

        [Theory]
        [InlineData("Stop-Task @vcf -TaskId", "DELETE /v1/tasks/")]
        [InlineData("Stop-OutputCreation @ol -OperationId", "POST /rest/serverengine/workflow/outputcreation/cancel/")]
        [InlineData("Stop-WorkflowExecution @od -ExecutionId", "POST /api/v3/oneprovider/automation/execution/workflows/")]
        public void A_typed_list_sends_one_request_per_element(string command, string requestPrefix)
        {
            Server.State.Vcf.AddTasks(new[] { "a-1", "a-2" });
            Server.State.OlConnect.AddOperation("a-1");
            Server.State.OlConnect.AddOperation("a-2");
            Server.State.Onedata.AddExecutions(new[] { "a-1", "a-2" });

            var results = RunClean($"{command} 'a-1', 'a-2'").Objects<CancellationResult>().ToList();

            Assert.Equal(new[] { "a-1", "a-2" }, results.Select(r => r.Id).OrderBy(i => i));
            Assert.Equal(2, Simulator.Requests().Count(r => r.StartsWith(requestPrefix)));
        }

        [Fact]
        public void Stop_Job_JobId_takes_a_list_of_Int64()
        {
            Server.State.BigChange.AddJobs(new long[] { 11, 12 });
            var results = RunClean("Stop-Job -JobId 11, 12 -Reason 'Rescheduled' @bc").Objects<CancellationResult>().ToList();

            Assert.Equal(new[] { "11", "12" }, results.Select(r => r.Id).OrderBy(i => i));
            Assert.All(results, r => Assert.Equal("Rescheduled", r.Reason));
        }

        [Fact]
        public void Rows_bind_by_property_name_and_by_alias()
        {
            Server.State.Vcf.AddTasks(new[] { "row-1", "row-2" });
            var results = RunClean(@"
                [pscustomobject]@{ TaskId = 'row-1' }, [pscustomobject]@{ Id = 'row-2' } | Stop-Task @vcf").Objects<CancellationResult>();

            Assert.Equal(new[] { "row-1", "row-2" }, results.Select(r => r.Id).OrderBy(i => i));
        }

        [Fact]
        public void Onedata_objects_bind_by_their_own_atmWorkflowExecutionId()
        {
            Server.State.Onedata.AddExecution("w-json");
            var result = RunClean("[pscustomobject]@{ atmWorkflowExecutionId = 'w-json'; name = 'nightly' } | Stop-WorkflowExecution @od")
                .Objects<CancellationResult>().Single();

            Assert.Equal("w-json", result.Id);
        }

        [Fact]
        public void Csv_rows_bind_JobId_Reason_and_CustomerId_to_Stop_Job()
        {
            Server.State.BigChange.AddJobs(new long[] { 21, 22 });
            var results = RunClean(@"
                $b = $bc.Clone(); $b.Remove('CustomerId')
                'JobId,Reason,CustomerId', '21,Duplicate,4242', '22,Customer away,4242' | ConvertFrom-Csv | Stop-Job @b").Objects<CancellationResult>().ToList();

            Assert.Equal(new[] { "Customer away", "Duplicate" }, results.Select(r => r.Reason).OrderBy(r => r));
        }

        [Fact]
        public void An_array_variable_piped_is_enumerated_into_items()
        {
            Server.State.OlConnect.AddOperation("e-1");
            Server.State.OlConnect.AddOperation("e-2");
            var results = RunClean("$ids = @('e-1', 'e-2'); $ids | Stop-OutputCreation @ol -ThrottleLimit 1").Objects<CancellationResult>().ToList();

            Assert.Equal(new[] { "e-1", "e-2" }, results.Select(r => r.Id));
        }

        [Fact]
        public void Submit_output_binds_to_Stop_OutputCreation_with_its_carried_session()
        {
            var result = RunClean("Submit-OutputCreation -ConfigId 1001 -JobId 1 @ol | Stop-OutputCreation").Objects<CancellationResult>().Single();

            Assert.True(Server.State.OlConnect.GetOperation(result.Id)!.Cancelled);
        }

        [Fact]
        public void Submit_output_binds_to_Wait_and_the_result_to_Get_OutputCreationResult()
        {
            var result = RunClean("Submit-OutputCreation -ConfigId 1001 -JobId 1, 2 @ol | Wait-OutputCreation -PollIntervalSec 1 | Get-OutputCreationResult")
                .Objects<OutputCreationResult>().Single();

            Assert.NotEmpty(result.Paths);
            Assert.Contains(Simulator.Requests(), r => r == $"POST /rest/serverengine/workflow/outputcreation/getResultTxt/{result.OperationId}");
        }

        [Fact]
        public void A_row_naming_its_server_needs_only_a_credential()
        {
            Server.State.OlConnect.AddOperation("srv-1");
            var result = RunClean("[pscustomobject]@{ OperationId = 'srv-1'; Server = $sim } | Stop-OutputCreation -Credential $olCred -AllowUnencryptedAuthentication")
                .Objects<CancellationResult>().Single();

            Assert.Equal("srv-1", result.Id);
            Assert.Equal(Simulator.BaseUri, result.Server);
        }
    }
}
