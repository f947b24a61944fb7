using System;
using System.Linq;
using System.Management.Automation;
using OperationsModule.PowerShell.Tests.Infrastructure;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.PowerShell.Tests
{
    /// <summary>Progress records as PowerShell receives them from Write-Progress.</summary>
    public sealed class ProgressTests : RunspaceTest
    {
        public ProgressTests(SimulatorFixture simulator) : base(simulator) { }

        [Fact]
        public void Submit_Wait_reports_rising_percentages_and_completes_its_bar()
        {
            var result = RunClean("Submit-OutputCreation -ConfigId 1001 -JobId 1 @ol -Wait -PollIntervalSec 1");

            var records = result.Progress;
            Assert.NotEmpty(records);
            var percents = records.Where(r => r.RecordType == ProgressRecordType.Processing && r.PercentComplete >= 0).Select(r => r.PercentComplete).ToList();
            Assert.True(percents.Count >= 2, "expected several progress updates, got " + string.Join(",", percents));
            Assert.Equal(percents.OrderBy(p => p), percents);
            Assert.Equal(ProgressRecordType.Completed, records.Last().RecordType);
        }

        [Fact]
        public void A_bulk_run_longer_than_half_a_second_shows_counts_and_completes_its_bar()
        {
            // 40 cancels of at least 50 ms each at ThrottleLimit 2 cannot finish in under a second.
            Server.Faults.Add(FaultAction.Latency(TimeSpan.FromMilliseconds(50)), pathPattern: "/v1/tasks/");
            Server.State.Vcf.AddTasks(Enumerable.Range(1, 40).Select(i => $"p-{i}"));
            var result = RunClean("1..40 | ForEach-Object { \"p-$_\" } | Stop-Task @vcf -ThrottleLimit 2");

            Assert.Equal(40, result.Output.Count);
            var processing = result.Progress.Where(r => r.RecordType == ProgressRecordType.Processing).ToList();
            Assert.NotEmpty(processing);
            Assert.All(processing, r => Assert.Contains("Vcf", r.Activity));
            Assert.Equal(ProgressRecordType.Completed, result.Progress.Last().RecordType);
        }

        [Fact]
        public void Under_a_rate_limit_verbose_names_the_hold_and_the_bar_shows_throttling_and_every_item_yields_a_result()
        {
            // 60 cancels against a bucket of 30/s (burst 2): the first burst is refused, so the gate closes for the
            // server's Retry-After (1 s) and every later request is paced; the run outlasts the bar's half second.
            Server.Faults.Add(FaultAction.RateLimit(30, 2), pathPattern: "/v1/tasks/");
            Server.State.Vcf.AddTasks(Enumerable.Range(1, 60).Select(i => $"r-{i}"));
            // -MaximumRetryCount 3: a refusal judged to be the item's own counts as one of its retries, so each item is given room for the bucket's refusals.
            var result = RunClean("$v = $vcf.Clone(); $v.MaximumRetryCount = 3; 1..60 | ForEach-Object { \"r-$_\" } | Stop-Task @v -ThrottleLimit 8 -Verbose");

            Assert.Equal(60, result.Output.Count);
            Assert.Contains(result.Verbose, v => v.Contains("holding back every request"));
            Assert.Contains(result.Verbose, v => v.Contains("sending again"));
            Assert.Contains(result.Progress, p => p.StatusDescription.Contains("throttled by the server"));
        }
    }
}
