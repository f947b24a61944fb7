using System;
using System.Linq;
using OperationsModule.PowerShell.Tests.Infrastructure;
using Xunit;

namespace OperationsModule.PowerShell.Tests
{
    /// <summary>
    /// What users type from habit (Invoke-RestMethod's -Uri, -Proxy per call), what they read (a long VCF user name in
    /// the session table, a vendor error without the module's internals) and the silent close a test kit needs.
    /// </summary>
    public sealed class NamesUsersGuessTests : RunspaceTest
    {
        public NamesUsersGuessTests(SimulatorFixture simulator) : base(simulator)
        {
        }

        [Fact]
        public void Every_BaseUri_parameter_takes_Uri_and_every_per_call_command_takes_Proxy_and_ProxyCredential()
        {
            var rows = RunClean(@"
                foreach ($command in Get-Command -Module OperationsModule) {
                    $baseUri = $command.Parameters['BaseUri']
                    if (-not $baseUri) { continue }
                    '{0}|{1}|{2}|{3}' -f $command.Name, ($baseUri.Aliases -contains 'Uri'), $command.Parameters.ContainsKey('Proxy'), $command.Parameters.ContainsKey('ProxyCredential')
                }").Output.Select(o => o.ToString()).ToArray();

            Assert.True(rows.Length >= 8, string.Join(", ", rows));
            Assert.All(rows, row => Assert.EndsWith("|True|True|True", row));
        }

        [Fact]
        public void Uri_binds_to_BaseUri_on_a_per_call_command()
        {
            Server.State.Vcf.AddTask("t-uri");
            var result = RunClean("Stop-Task -TaskId 't-uri' -Uri $sim -Credential $vcfCred -AllowUnencryptedAuthentication");
            Assert.Equal("t-uri", result.Output.Single().Properties["Id"].Value);
        }

        [Fact]
        public void A_per_call_Proxy_carries_the_request_to_a_server_that_only_the_proxy_reaches()
        {
            Server.State.Vcf.AddTask("t-proxy");
            // sddc.invalid never resolves: only a request through the proxy (the simulator answers absolute-form
            // request lines itself) can reach a server.
            var result = RunClean("Stop-Task -TaskId 't-proxy' -BaseUri 'http://sddc.invalid' -Proxy $sim -Credential $vcfCred -AllowUnencryptedAuthentication -MaximumRetryCount 0");

            Assert.Equal("t-proxy", result.Output.Single().Properties["Id"].Value);
            // The request line a proxy gets: the absolute address.
            Assert.Contains(Server.Journal.Snapshot(), r => r.Method == "DELETE" && r.Path == "http://sddc.invalid/v1/tasks/t-proxy");
        }

        [Fact]
        public void The_session_table_shows_a_long_user_name_on_one_line_at_120_columns()
        {
            var text = string.Concat(RunClean(@"
                Connect-OperationsServer -System Vcf -BaseUri $sim -Credential $vcfCred -AllowUnencryptedAuthentication -SkipVerification
                try { Get-OperationsSession -System Vcf | Format-Table | Out-String -Width 120 }
                finally { Disconnect-OperationsServer -System Vcf -SkipRevocation }").Output.Select(o => o.ToString()));

            Assert.Contains("administrator@vsphere.local", text);
            Assert.All(text.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 120, line));
        }

        [Fact]
        public void A_vendor_error_shows_no_internal_members()
        {
            var result = Shell.Run(@"
                Stop-WorkflowExecution -ExecutionId 'x' -BaseUri $sim -Token (ConvertTo-SecureString 'not-a-token' -AsPlainText -Force) -AllowUnencryptedAuthentication -MaximumRetryCount 0 -ErrorVariable failed -ErrorAction SilentlyContinue
                $vendor = $failed[0].Exception.VendorError
                ($vendor | Format-List * | Out-String) + ($vendor | Get-Member | Out-String) + ($vendor | ConvertTo-Json)
                $failed[0].FullyQualifiedErrorId");
            var text = string.Concat(result.Output.Select(o => o.ToString()));

            Assert.Contains("badToken", text);
            Assert.StartsWith("Unauthorized,", result.Output.Last().ToString()); // the override still decides the reason
            Assert.DoesNotContain("Override", text);
        }

        [Fact]
        public void SkipRevocation_closes_a_VCF_login_session_without_a_request_or_a_warning()
        {
            RunClean("Connect-OperationsServer -System Vcf -BaseUri $sim -Credential $vcfCred -AllowUnencryptedAuthentication");
            // A reset server forgot the refresh token: a revocation would fail and warn.
            Server.Reset();

            var result = RunClean("Disconnect-OperationsServer -System Vcf -SkipRevocation; @(Get-OperationsSession -System Vcf).Count");

            Assert.Empty(result.Warnings);
            Assert.Equal(0, (int)result.Output.Last().BaseObject);
            Assert.Empty(Server.Journal.Snapshot());
        }

        [Fact]
        public void Without_SkipRevocation_the_same_close_revokes_and_warns_as_before()
        {
            RunClean("Connect-OperationsServer -System Vcf -BaseUri $sim -Credential $vcfCred -AllowUnencryptedAuthentication");
            Server.Reset();

            var result = RunClean("Disconnect-OperationsServer -System Vcf");

            Assert.Contains(Server.Journal.Snapshot(), r => r.Method == "DELETE" && r.Path == "/v1/tokens/refresh-token");
            Assert.Contains(result.Warnings, w => w.Contains("stays valid on the server"));
        }
    }
}
