using System.Linq;
using OperationsModule.PowerShell.Tests.Infrastructure;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.PowerShell.Tests
{
    /// <summary>-MaximumRetryCount and -NoAdaptiveThrottling as users type them: what each changes for items the server refuses.</summary>
    public sealed class AdaptiveThrottlingTests : RunspaceTest
    {
        public AdaptiveThrottlingTests(SimulatorFixture simulator) : base(simulator) { }

        [Fact]
        public void In_a_connected_session_that_sent_before_MaximumRetryCount_1_gives_an_item_refused_twice_two_attempts_then_one_error()
        {
            Server.State.Vcf.AddTasks(new[] { "twice-refused" });
            Server.Faults.Add(FaultAction.Status(429, "1"), pathPattern: "/v1/tasks/twice-refused$", perPathTimes: 2);

            var result = Shell.Run("$v = $vcf.Clone(); $v.Remove('MaximumRetryCount'); Connect-OperationsServer -System Vcf @v; Stop-Task -TaskId 'twice-refused' -MaximumRetryCount 1");

            Assert.Empty(result.Output);
            var error = Assert.Single(result.Errors);
            Assert.Equal("RateLimited", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(2, Server.Journal.Snapshot().Count(r => r.Path.EndsWith("/v1/tasks/twice-refused", System.StringComparison.Ordinal)));
        }

        [Fact]
        public void NoAdaptiveThrottling_retries_each_refused_request_on_its_own_without_holding_the_others()
        {
            // The same bucket that makes the adaptive run hold every request (ProgressTests): with the switch nothing is held.
            Server.Faults.Add(FaultAction.RateLimit(30, 2), pathPattern: "/v1/tasks/");
            Server.State.Vcf.AddTasks(Enumerable.Range(1, 30).Select(i => $"n-{i}"));

            var result = Shell.Run("1..30 | ForEach-Object { \"n-$_\" } | Stop-Task @vcf -ThrottleLimit 8 -NoAdaptiveThrottling -Verbose");

            Assert.Equal(30, result.Output.Count + result.Errors.Count);
            Assert.DoesNotContain(result.Verbose, v => v.Contains("holding back every request"));
            Assert.DoesNotContain(result.Progress, p => p.StatusDescription?.Contains("throttled by the server") == true);
        }
    }
}
