using System.Linq;
using OperationsModule.PowerShell.Tests.Infrastructure;
using Xunit;

namespace OperationsModule.PowerShell.Tests
{
    /// <summary>What each cmdlet writes is what its [OutputType] declares, as Get-Command reports it.</summary>
    public sealed class OutputTypeTests : RunspaceTest
    {
        public OutputTypeTests(SimulatorFixture simulator) : base(simulator) { }

        [Theory]
        [InlineData("Submit-OutputCreation", "Submit-OutputCreation -ConfigId 1001 -JobId 1 @ol")]
        [InlineData("Wait-OutputCreation", "Submit-OutputCreation -ConfigId 1001 -JobId 1 @ol | Wait-OutputCreation -PollIntervalSec 1")]
        [InlineData("Get-OutputCreationResult", "Submit-OutputCreation -ConfigId 1001 -JobId 1 @ol -Wait -PollIntervalSec 1 | Get-OutputCreationResult")]
        [InlineData("Stop-OutputCreation", "Submit-OutputCreation -ConfigId 1001 -JobId 1 @ol | Stop-OutputCreation")]
        [InlineData("Stop-WorkflowExecution", "Stop-WorkflowExecution -ExecutionId 'ot-1' @od")]
        [InlineData("Stop-Task", "Stop-Task -TaskId 'ot-1' @vcf")]
        [InlineData("Stop-Job", "Stop-Job -JobId 41 -Reason 'x' @bc")]
        [InlineData("Connect-OperationsServer", "Connect-OperationsServer -System Vcf @vcf -PassThru")]
        [InlineData("Get-OperationsSession", "Connect-OperationsServer -System Vcf @vcf | Out-Null; Get-OperationsSession")]
        [InlineData("Get-BigChangeJob", "Get-BigChangeJob -JobId 41 @bc")]
        [InlineData("Get-OutputCreation", "Submit-OutputCreation -ConfigId 1001 -JobId 1 @ol | Get-OutputCreation")]
        public void Every_object_written_is_of_a_declared_output_type(string command, string script)
        {
            Server.State.Onedata.AddExecution("ot-1");
            Server.State.Vcf.AddTask("ot-1");
            Server.State.BigChange.AddJob(41);
            var declared = RunClean($"(Get-Command {command} -Module OperationsModule).OutputType.Type.FullName").Output.Select(o => o.ToString()).ToList();
            var written = RunClean(script).Output;

            Assert.NotEmpty(declared);
            Assert.NotEmpty(written);
            Assert.All(written, o => Assert.Contains(o.BaseObject.GetType().FullName, declared));
        }

    }
}
