using System.IO;
using System.Linq;
using System.Management.Automation;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.PowerShell.Tests.Infrastructure;
using Xunit;

namespace OperationsModule.PowerShell.Tests
{
    /// <summary>Hostile values as users meet them: what the error records hold, what -UserAgent and -NoClobber do.</summary>
    public sealed class HostileValueTests : RunspaceTest
    {
        private const string Password = "P4ssw0rd-in-uri";

        public HostileValueTests(SimulatorFixture simulator) : base(simulator) { }

        [Theory]
        [InlineData("Connect-OperationsServer -System OLConnect -BaseUri $uri -Credential $olCred -AllowUnencryptedAuthentication")]
        [InlineData("Stop-OutputCreation -OperationId 'op-1' -BaseUri $uri -Credential $olCred -AllowUnencryptedAuthentication")]
        [InlineData("Submit-OutputCreation -ConfigId Invoices -JobId 1 -BaseUri $uri -Credential $olCred -AllowUnencryptedAuthentication")]
        public void A_refused_BaseUri_with_user_info_leaves_no_password_in_the_error_record(string command)
        {
            Shell.Set("uri", $"http://ol-admin:{Password}@127.0.0.1:{Simulator.BaseUri.Port}/");

            var result = Shell.Run(command + @"
                ; [System.Management.Automation.PSSerializer]::Serialize($Error[0], 3)");

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("InvalidParameter,", error.FullyQualifiedErrorId);
            Assert.NotNull(error.TargetObject);
            Assert.DoesNotContain(Password, error.TargetObject.ToString());
            Assert.Contains("127.0.0.1", error.TargetObject.ToString());
            Assert.DoesNotContain(Password, error.Exception.Message);
            // What Export-Clixml $Error would write.
            Assert.DoesNotContain(Password, Assert.Single(result.Output).ToString());
            Assert.Empty(Simulator.Requests());
        }

        [Fact]
        public void A_token_with_CRLF_is_refused_naming_Token_and_nothing_is_sent()
        {
            var result = Shell.Run(@"
                $hostile = ConvertTo-SecureString ""tok`r`nContent-Length: 0`r`n`r`nPOST /smuggled HTTP/1.1`r`nHost: evil`r`nX-Pad: "" -AsPlainText -Force
                Stop-WorkflowExecution -ExecutionId wf-1 -BaseUri $sim -Token $hostile -AllowUnencryptedAuthentication -UserAgent 'Runbook/1.0'");

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("InvalidParameter,", error.FullyQualifiedErrorId);
            Assert.Contains("-Token", error.Exception.Message);
            Assert.DoesNotContain("smuggled", error.Exception.Message);
            Assert.Empty(Simulator.Requests());
        }

        [Fact]
        public void UserAgent_given_to_Connect_goes_with_every_later_command_and_a_typed_one_wins_for_its_call()
        {
            Server.State.Onedata.AddExecution("wf-1");
            Server.State.Onedata.AddExecution("wf-2");
            Server.State.Onedata.AddExecution("wf-3");
            try
            {
                RunClean(@"
                    Connect-OperationsServer -System Onedata -BaseUri $sim -Token $odToken -AllowUnencryptedAuthentication -UserAgent 'RunbookX/1.0'
                    Stop-WorkflowExecution -ExecutionId wf-1
                    Stop-WorkflowExecution -ExecutionId wf-2 -UserAgent 'Once/2.0'
                    Stop-WorkflowExecution -ExecutionId wf-3");
            }
            finally
            {
                Shell.Run("Disconnect-OperationsServer -System Onedata");
            }

            var agents = Server.Journal.Snapshot().Where(r => r.Path.EndsWith("/cancel")).Select(r => r.Headers["User-Agent"]).ToArray();
            Assert.Equal(new[] { "RunbookX/1.0", "Once/2.0", "RunbookX/1.0" }, agents);
        }

        [Fact]
        public void OutFile_replaces_a_file_by_default_and_NoClobber_refuses_with_ResourceExists()
        {
            Server.State.OlConnect.AddOperation("op-1", progress: 100);
            var file = Path.Combine(Path.GetTempPath(), "om-noclobber-" + System.Guid.NewGuid().ToString("N") + ".pdf");
            File.WriteAllText(file, "earlier");
            Shell.Set("file", file);
            try
            {
                var refused = Shell.Run("Get-OutputCreationResult -OperationId op-1 @ol -OutFile $file -NoClobber");
                Assert.Equal("earlier", File.ReadAllText(file));
                var replaced = Shell.Run("Get-OutputCreationResult -OperationId op-1 @ol -OutFile $file");

                var error = Assert.Single(refused.Errors);
                Assert.StartsWith("OutFileFailed,", error.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
                Assert.Equal("op-1", error.TargetObject);
                Assert.Empty(replaced.Errors);
                Assert.Equal(file, replaced.Objects<OutputCreationResult>().Single().OutFile);
                Assert.StartsWith("%PDF", File.ReadAllText(file));
            }
            finally
            {
                File.Delete(file);
            }
        }
    }
}
