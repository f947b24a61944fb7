using System.Linq;
using System.Management.Automation;
using OperationsModule.PowerShell.Tests.Infrastructure;
using Xunit;

namespace OperationsModule.PowerShell.Tests
{
    /// <summary>
    /// BigChange requires the Customer-Id header on every call: Connect refuses a session without -CustomerId, and a
    /// per-call Stop-Job without one says the value is missing (not that a value nobody typed cannot be used).
    /// </summary>
    public sealed class BigChangeCustomerTests : RunspaceTest
    {
        public BigChangeCustomerTests(SimulatorFixture simulator) : base(simulator) { }

        [Theory]
        [InlineData("")]
        [InlineData(" -SkipVerification")]
        public void Connect_without_CustomerId_is_refused_as_missing_and_required_and_stores_no_session(string extra)
        {
            var result = Shell.Run("Connect-OperationsServer -System BigChange -BaseUri $sim -Credential $bcCred -AllowUnencryptedAuthentication" + extra
                + "; 'next statement'; @(Get-OperationsSession -System BigChange).Count");

            var error = Assert.Single(result.Errors);
            Assert.Equal("InvalidParameter,OperationsModule.Cmdlets.ConnectOperationsServerCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal("CustomerId", ((OperationsModule.Core.Errors.InputValidationException)error.Exception).ParameterName);
            Assert.StartsWith("-CustomerId is missing: BigChange requires the customer (tenant) ID on every call", error.Exception.Message);
            Assert.Contains("Connect with -CustomerId", error.Exception.Message);
            Assert.NotNull(error.TargetObject);
            Assert.Equal(new[] { "next statement", "0" }, result.Output.Select(o => o.ToString()));
            Assert.Empty(Simulator.Requests());
        }

        [Fact]
        public void Stop_Job_per_call_without_CustomerId_says_it_is_missing_once_per_job_and_sends_nothing()
        {
            Server.State.BigChange.AddJobs(new long[] { 1001, 1002 });

            var result = Shell.Run("Stop-Job -JobId 1001, 1002 -Reason 'Duplicate' -BaseUri $sim -Credential $bcCred -AllowUnencryptedAuthentication");

            Assert.Empty(result.Output);
            Assert.Equal(new object[] { "1001", "1002" }, result.Errors.Select(e => e.TargetObject));
            Assert.All(result.Errors, e =>
            {
                Assert.Equal("InvalidParameter,OperationsModule.Cmdlets.StopJobCommand", e.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
                Assert.StartsWith("-CustomerId is missing: BigChange requires", e.Exception.Message);
                Assert.DoesNotContain("Cannot use the value given", e.Exception.Message);
            });
            Assert.DoesNotContain(Simulator.Requests(), r => r.StartsWith("PUT"));
        }

        [Fact]
        public void A_CustomerId_column_on_the_piped_rows_is_enough_per_call()
        {
            Server.State.BigChange.AddJobs(new long[] { 1001 });

            var result = RunClean("[pscustomobject]@{ JobId = 1001; Reason = 'Duplicate'; CustomerId = 4242 } | Stop-Job -BaseUri $sim -Credential $bcCred -AllowUnencryptedAuthentication");

            Assert.Equal("1001", result.Objects<OperationsModule.Core.Models.CancellationResult>().Single().Id);
        }
    }
}
