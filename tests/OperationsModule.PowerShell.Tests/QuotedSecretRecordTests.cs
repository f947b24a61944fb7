using OperationsModule.PowerShell.Tests.Infrastructure;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.PowerShell.Tests
{
    /// <summary>
    /// A server that quotes the typed secret back in its error, seen as a user sees it: every stream of the command
    /// (-Verbose and -Debug on) and `Format-List * -Force` of the error record, its exception, ErrorDetails and
    /// VendorError. The secret is masked wherever the server's words appear.
    /// </summary>
    public sealed class QuotedSecretRecordTests : RunspaceTest
    {
        public QuotedSecretRecordTests(SimulatorFixture simulator) : base(simulator) { }

        public static TheoryData<string, string, string, string, int, string, string> Cases => new()
        {
            {
                "VCF 400 (Spring parse error quoting the login body)", "Stop-Task t-1 @vcf", "POST", "^/v1/tokens$", 400,
                "{\"errorCode\":\"HttpMessageNotReadableException\",\"message\":\"JSON parse error: Unrecognized token in {\\\"username\\\":\\\"administrator@vsphere.local\\\",\\\"password\\\":\\\"vcf-secret-pass\\\"}\"}",
                "vcf-secret-pass"
            },
            {
                "OL Connect 401 quoting the password", "Stop-OutputCreation op-1 @ol", "POST", "/authentication/login$", 401,
                "{\"error\":{\"status\":401,\"message\":\"Login failed for ol-admin with password ol-secret-pass.\"}}",
                "ol-secret-pass"
            },
            {
                "Onedata badToken quoting X-Auth-Token", "Stop-WorkflowExecution wid-1 @od", "POST", "/cancel$", 400,
                "{\"error\":{\"id\":\"badToken\",\"description\":\"Provided token could not be understood by the server: onedata-good-token\",\"details\":{\"token\":\"onedata-good-token\"}}}",
                "onedata-good-token"
            },
            {
                "BigChange token error quoting the client secret", "Stop-Job -JobId 5 -Reason r @bc", "POST", "^/auth/tokens$", 401,
                "{\"title\":\"invalid_client\",\"status\":401,\"detail\":\"Client authentication failed for grant_type=client_credentials&client_id=bc-client&client_secret=bc-secret\",\"errors\":{\"client_secret\":[\"'bc-secret' is wrong\"]}}",
                "bc-secret"
            },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void A_quoted_secret_appears_in_no_stream_and_no_formatted_record(string what, string command, string method, string path, int status, string body, string secret)
        {
            Server.Faults.Add(FaultAction.Status(status, body: body, contentType: "application/json"), method: method, pathPattern: path);

            var result = RunClean($@"
                $all = @(& {{ {command} -Verbose -Debug -ErrorAction Continue }} *>&1)
                $records = @($all | Where-Object {{ $_ -is [System.Management.Automation.ErrorRecord] }})
                [pscustomobject]@{{
                    Records = $records.Count
                    Text = ($all | Out-String -Width 4096) + (@(foreach ($r in $records) {{
                        $r, $r.Exception, $r.ErrorDetails, $r.Exception.VendorError, $r.CategoryInfo | Format-List * -Force | Out-String -Width 4096
                        $r.Exception.ToString()
                    }}) -join [Environment]::NewLine)
                }}");

            var summary = Assert.Single(result.Output);
            Assert.Equal(1, (int)summary.Properties["Records"].Value);
            var text = (string)summary.Properties["Text"].Value;
            Assert.Contains("***", text);
            Assert.DoesNotContain(secret, text);
            Assert.DoesNotContain(secret, string.Join("\n", Shell.Host.Recorder.Lines));
            Assert.False(string.IsNullOrEmpty(what));
        }
    }
}
