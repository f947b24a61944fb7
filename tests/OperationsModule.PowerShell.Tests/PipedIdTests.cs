using System.Linq;
using System.Management.Automation;
using OperationsModule.Core.Models;
using OperationsModule.PowerShell.Tests.Infrastructure;
using Xunit;

namespace OperationsModule.PowerShell.Tests
{
    /// <summary>
    /// Only IDs go on the wire: a piped object that is not a string or number and has none of the ID properties is
    /// refused with InvalidParameter naming its type and the properties looked for (PowerShell would have sent
    /// "System.Collections.Hashtable"); an object's ID property is read whatever its type; ill-formed UTF-16 is refused.
    /// </summary>
    public sealed class PipedIdTests : RunspaceTest
    {
        public PipedIdTests(SimulatorFixture simulator) : base(simulator) { }

        public static TheoryData<string, string, string> Commands => new()
        {
            { "Stop-Task @vcf", "TaskId", "TaskId or Id" },
            { "Stop-WorkflowExecution @od", "ExecutionId", "ExecutionId, wid, Id or atmWorkflowExecutionId" },
            { "Stop-OutputCreation @ol", "OperationId", "OperationId or Id" },
            { "Wait-OutputCreation @ol", "OperationId", "OperationId or Id" },
        };

        [Theory]
        [MemberData(nameof(Commands))]
        public void Hashtables_and_objects_without_an_ID_property_are_refused_naming_type_and_properties_and_nothing_is_sent(string command, string parameter, string lookedFor)
        {
            var result = Shell.Run($"@{{ TaskId = 'x'; Name = 'n' }}, [pscustomobject]@{{ Name = 'nightly'; Reason = 'r' }}, (Get-Item $PSHOME) | {command}");

            Assert.Null(result.Terminating);
            Assert.Empty(result.Output);
            Assert.Equal(3, result.Errors.Count);
            Assert.All(result.Errors, e =>
            {
                Assert.StartsWith("InvalidParameter,", e.FullyQualifiedErrorId);
                Assert.Contains("-" + parameter, e.Exception.Message);
                Assert.Contains("has none of the properties " + lookedFor, e.Exception.Message);
            });
            Assert.Contains("System.Collections.Hashtable", result.Errors[0].Exception.Message);
            Assert.Contains("System.Management.Automation.PSCustomObject", result.Errors[1].Exception.Message);
            Assert.Contains("it has the properties Name, Reason", result.Errors[1].Exception.Message);
            Assert.Contains("System.IO.DirectoryInfo", result.Errors[2].Exception.Message);
            Assert.DoesNotContain(Simulator.Requests(), r => !r.Contains("login") && !r.Contains("tokens"));
        }

        [Fact]
        public void An_ID_property_of_any_type_is_read_as_the_ID_not_the_objects_text()
        {
            Server.State.Vcf.AddTasks(new[] { "5", "6", "t-7" });

            var result = RunClean("[pscustomobject]@{ Id = [int]5 }, ('{\"Id\":6}' | ConvertFrom-Json), [pscustomobject]@{ TaskId = 't-7'; Id = 99 } | Stop-Task @vcf -ThrottleLimit 1");

            Assert.Equal(new[] { "5", "6", "t-7" }, result.Objects<CancellationResult>().Select(r => r.Id));
            Assert.Equal(new[] { "DELETE /v1/tasks/5", "DELETE /v1/tasks/6", "DELETE /v1/tasks/t-7" }, Simulator.Requests().Where(r => r.StartsWith("DELETE /v1/tasks/")));
        }

        [Fact]
        public void A_list_of_IDs_in_the_ID_property_binds_as_those_IDs()
        {
            Server.State.Vcf.AddTasks(new[] { "t-8", "t-9" });

            var result = RunClean("[pscustomobject]@{ TaskId = @('t-8', 't-9') } | Stop-Task @vcf -ThrottleLimit 1");

            Assert.Equal(new[] { "t-8", "t-9" }, result.Objects<CancellationResult>().Select(r => r.Id));
        }

        [Fact]
        public void An_empty_ID_property_or_one_holding_an_object_is_refused_naming_the_property()
        {
            var result = Shell.Run("[pscustomobject]@{ TaskId = $null }, [pscustomobject]@{ TaskId = @{ a = 1 } } | Stop-Task @vcf");

            Assert.Equal(2, result.Errors.Count);
            Assert.Contains("the TaskId property of the piped System.Management.Automation.PSCustomObject is empty", result.Errors[0].Exception.Message);
            Assert.Contains("holds a System.Collections.Hashtable, not an ID", result.Errors[1].Exception.Message);
            Assert.Empty(Simulator.Requests());
        }

        [Theory]
        [InlineData("\"task-$([char]0xD800)\"")]
        [InlineData("\"$([char]0xDC00)task\"")]
        [InlineData("\"ta$([char]0xDBFF)$([char]0xDBFF)sk\"")]
        public void A_lone_surrogate_in_an_ID_is_refused_before_the_wire(string id)
        {
            Server.State.Vcf.AddTask("ok-\U0001F600");
            var result = Shell.Run($"{id}, \"ok-$([char]0xD83D)$([char]0xDE00)\" | Stop-Task @vcf -ThrottleLimit 1");

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("InvalidParameter,", error.FullyQualifiedErrorId);
            Assert.Contains("half of a UTF-16 surrogate pair", error.Exception.Message);
            // The well-formed pair (an emoji) goes.
            Assert.Equal("ok-\U0001F600", result.Objects<CancellationResult>().Single().Id);
        }

        [Fact]
        public void An_operation_object_still_binds_whole_to_InputObject()
        {
            Server.State.OlConnect.AddOperation("op-w", progress: 100);

            var result = RunClean("Submit-OutputCreation -ConfigId 1001 -JobId 1 @ol | Wait-OutputCreation -PollIntervalSec 1");

            Assert.IsType<OutputCreationOperation>(result.Output.Single().BaseObject);
        }
    }
}
