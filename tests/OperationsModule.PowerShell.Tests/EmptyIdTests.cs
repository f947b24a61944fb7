using System.Linq;
using System.Management.Automation;
using OperationsModule.PowerShell.Tests.Infrastructure;
using Xunit;

namespace OperationsModule.PowerShell.Tests
{
    /// <summary>
    /// An empty line piped as an ID (a blank line in Get-Content .\ids.txt) meets the module's own validation,
    /// as a blank one does: InvalidParameter with the ID as TargetObject, never PowerShell's binding error; the
    /// other items of the pipeline still go, each yielding one result or one error record.
    /// </summary>
    public sealed class EmptyIdTests : RunspaceTest
    {
        public EmptyIdTests(SimulatorFixture simulator) : base(simulator) { }

        public static TheoryData<string, string> StringIdCmdlets => new()
        {
            // command with its connection, parameter; the good ID is seeded by Seed below
            { "Stop-Task @vcf -ThrottleLimit 1", "TaskId" },
            { "Stop-WorkflowExecution @od -ThrottleLimit 1", "ExecutionId" },
            { "Stop-OutputCreation @ol -ThrottleLimit 1", "OperationId" },
            { "Wait-OutputCreation @ol", "OperationId" },
            { "Get-OutputCreationResult @ol", "OperationId" },
            { "Get-OutputCreation @ol", "OperationId" },
        };

        [Theory]
        [MemberData(nameof(StringIdCmdlets))]
        public void Empty_and_blank_piped_IDs_are_each_one_InvalidParameter_record_and_the_good_one_still_goes(string command, string parameter)
        {
            Seed("good");

            var result = Shell.Run($"'', 'good', '  ' | {command}");

            Assert.Null(result.Terminating);
            Assert.Single(result.Output);
            Assert.Equal(2, result.Errors.Count);
            Assert.All(result.Errors, e =>
            {
                Assert.StartsWith("InvalidParameter,", e.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
                Assert.Contains("-" + parameter, e.Exception.Message);
            });
            Assert.Equal(new object[] { "", "  " }, result.Errors.Select(e => e.TargetObject).OrderBy(t => ((string)t).Length));
            Assert.Contains(result.Errors, e => e.Exception.Message.EndsWith("the value is empty."));
            Assert.Contains(result.Errors, e => e.Exception.Message.EndsWith("the value is whitespace only."));
        }

        [Fact]
        public void A_file_of_IDs_with_a_blank_line_cancels_the_others_and_names_the_empty_line()
        {
            Seed("t-1");
            Server.State.Vcf.AddTask("t-2");
            var file = System.IO.Path.GetTempFileName();
            System.IO.File.WriteAllText(file, "t-1\n\nt-2\n");
            Shell.Set("file", file);
            try
            {
                var result = Shell.Run("Get-Content $file | Stop-Task @vcf -ThrottleLimit 1");

                Assert.Equal(new[] { "t-1", "t-2" }, result.Objects<OperationsModule.Core.Models.CancellationResult>().Select(r => r.Id));
                var error = Assert.Single(result.Errors);
                Assert.Equal("InvalidParameter,OperationsModule.Cmdlets.StopTaskCommand", error.FullyQualifiedErrorId);
                Assert.Equal("", error.TargetObject);
                Assert.Equal(new[] { "DELETE /v1/tasks/t-1", "DELETE /v1/tasks/t-2" }, Simulator.Requests().Where(r => r.StartsWith("DELETE /v1/tasks/")));
            }
            finally
            {
                System.IO.File.Delete(file);
            }
        }

        [Theory]
        [InlineData("[pscustomobject]@{ JobId = '' }, [pscustomobject]@{ JobId = 1001 } | Stop-Job @bc -Reason 'r' -ThrottleLimit 1", "JobId")]
        [InlineData("'', 1 | Submit-OutputCreation -ConfigId Invoices-Preset @ol", "JobId")]
        public void An_empty_numeric_ID_is_refused_saying_an_empty_value_reads_as_0(string script, string parameter)
        {
            Server.State.BigChange.AddJob(1001);
            var result = Shell.Run(script);

            Assert.Single(result.Output);
            var error = Assert.Single(result.Errors);
            Assert.StartsWith("InvalidParameter,", error.FullyQualifiedErrorId);
            Assert.Equal(0L, error.TargetObject is long l ? l : System.Convert.ToInt64(error.TargetObject));
            Assert.Contains("-" + parameter, error.Exception.Message);
            Assert.Contains("an empty or blank value reads as 0", error.Exception.Message);
        }

        private void Seed(string id)
        {
            Server.State.Vcf.AddTask(id);
            Server.State.Onedata.AddExecution(id);
            Server.State.OlConnect.AddOperation(id, progress: 100);
        }
    }
}
