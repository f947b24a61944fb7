using System;
using System.Linq;
using OperationsModule.Core.Models;
using OperationsModule.PowerShell.Tests.Infrastructure;
using Xunit;

namespace OperationsModule.PowerShell.Tests
{
    /// <summary>
    /// Get-BigChangeJob and Get-OutputCreation in a live runspace: binding, refusals before the wire, the pipes into
    /// Stop-Job (always its BigChange set) and Stop-OutputCreation with -Wait (their default tables: TableWidthTests).
    /// </summary>
    public sealed class FindBigChangeOlConnectTests : RunspaceTest
    {
        private const string Week = "-StartAfter ([datetime]'2026-12-07Z') -StartBefore ([datetime]'2026-12-14Z')";
        private static readonly DateTimeOffset Monday = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);
        public FindBigChangeOlConnectTests(SimulatorFixture simulator) : base(simulator) { }

        private void SeedWeek()
        {
            var bc = Server.State.BigChange;
            bc.SeedJob(11, "scheduled", startAt: Monday.AddDays(1).AddHours(9));
            bc.SeedJob(12, "scheduled", startAt: Monday.AddDays(2).AddHours(9));
            bc.SeedJob(13, "started", startAt: Monday.AddDays(1).AddHours(10));
            bc.SeedJob(14, "scheduled", startAt: Monday.AddDays(9)); // next week
            bc.SeedJob(15, "scheduled", customerId: 9999, startAt: Monday.AddDays(1)); // another tenant
        }

        [Fact]
        public void Found_jobs_pipe_into_Stop_Job_s_BigChange_set_and_exactly_those_are_cancelled_once()
        {
            SeedWeek();
            var result = RunClean($"Get-BigChangeJob @bc {Week} -Status Scheduled | Stop-Job -Reason 'Engineer unavailable'");

            Assert.Equal(new[] { "11", "12" }, result.Objects<CancellationResult>().Select(r => r.Id).OrderBy(i => i));
            Assert.Equal(new[] { "PUT /v1/jobs/11/cancel", "PUT /v1/jobs/12/cancel" }, Simulator.Requests().Where(r => r.StartsWith("PUT", StringComparison.Ordinal)).OrderBy(r => r));
            Assert.Equal(("cancelled", "started", "scheduled"), (Server.State.BigChange.GetStatus(11), Server.State.BigChange.GetStatus(13), Server.State.BigChange.GetStatus(14)));
            Assert.DoesNotContain(result.Output, o => o.BaseObject is System.Management.Automation.Job);
        }

        [Fact]
        public void Stop_Job_Wait_confirms_each_found_job_as_Cancelled_and_is_refused_with_PowerShell_job_selectors()
        {
            SeedWeek();

            var results = RunClean($"Get-BigChangeJob @bc {Week} -Status scheduled | Stop-Job -Reason 'Depot closed' -Wait").Objects<CancellationResult>().ToList();
            var refused = Shell.Run("Stop-Job -Id 1 -Wait");

            Assert.Equal(new[] { ("11", "Cancelled"), ("12", "Cancelled") }, results.Select(r => (r.Id, r.Status)).OrderBy(r => r.Id));
            Assert.All(results, r => Assert.NotNull(r.ConfirmedAt));
            Assert.Equal(2, Simulator.Requests().Count(r => r is "GET /v1/jobs/11" or "GET /v1/jobs/12"));
            Assert.True(refused.Terminating is not null || refused.Errors.Count > 0);
        }

        [Fact]
        public void A_list_without_a_range_is_refused_before_the_wire_and_an_unknown_status_names_the_allowed_values()
        {
            var noRange = Shell.Run("Get-BigChangeJob @bc -Status scheduled");
            var badStatus = Shell.Run($"Get-BigChangeJob @bc {Week} -Status finished");
            var reversed = Shell.Run("Get-BigChangeJob @bc -StartAfter '2026-12-09' -StartBefore '2026-12-08'");

            Assert.Contains("refuses to list jobs without a date range", OnlyError(noRange).Exception.Message, StringComparison.Ordinal);
            Assert.StartsWith("InvalidParameter", OnlyError(noRange).FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains("completedWithIssues", OnlyError(badStatus).Exception.Message, StringComparison.Ordinal);
            Assert.Contains("later than -StartBefore", OnlyError(reversed).Exception.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Simulator.Requests(), r => r.StartsWith("GET /v1/jobs", StringComparison.Ordinal));
        }

        [Fact]
        public void Job_IDs_bind_by_value_and_by_property_name_with_the_row_s_customer()
        {
            SeedWeek();

            var byValue = RunClean("11, 13 | Get-BigChangeJob @bc").Objects<BigChangeJob>().ToList();
            // Without a typed -CustomerId (a typed one wins), the row's own customer is used.
            var byRow = RunClean("$perCall = $bc.Clone(); $perCall.Remove('CustomerId'); [pscustomobject]@{ JobId = 15; CustomerId = 9999 }, [pscustomobject]@{ JobId = 11; CustomerId = 4242 } | Get-BigChangeJob @perCall").Objects<BigChangeJob>().ToList();
            var none = RunClean($"Get-BigChangeJob @bc -StartAfter ([datetime]'2030-01-01Z') -StartBefore ([datetime]'2030-01-02Z')");

            Assert.Equal(new[] { (11L, "scheduled", (bool?)true), (13L, "started", (bool?)false) }, byValue.Select(j => (j.JobId, j.Status ?? string.Empty, j.IsCancellable)).OrderBy(j => j.JobId));
            Assert.Equal(new[] { (11L, 4242L), (15L, 9999L) }, byRow.Select(j => (j.JobId, j.CustomerId)).OrderBy(j => j.JobId));
            Assert.Empty(none.Output);
        }

        [Fact]
        public void Running_operations_pipe_into_Stop_OutputCreation_Wait_and_read_Cancelled()
        {
            Server.State.OlConnect.AddOperation("op-a", progress: 20);
            Server.State.OlConnect.AddOperation("op-b", progress: 60);

            var results = RunClean("Get-OutputCreation @ol | Stop-OutputCreation -Wait").Objects<CancellationResult>().ToList();

            Assert.Equal(new[] { ("op-a", "Cancelled"), ("op-b", "Cancelled") }, results.Select(r => (r.Id, r.Status)).OrderBy(r => r.Id));
            Assert.Equal(2, Simulator.Requests().Count(r => r.Contains("/getProgress/op-", StringComparison.Ordinal)));
        }

        [Fact]
        public void Operations_bind_by_value_and_from_Submit_and_a_gone_one_is_one_NotFound_error()
        {
            Server.State.OlConnect.AddOperation("op-c", progress: 10);

            var result = Shell.Run("'op-c', 'op-gone' | Get-OutputCreation @ol; Submit-OutputCreation -ConfigId 'Invoices-Preset' -JobId 1 @ol | Get-OutputCreation");

            var ops = result.Objects<OutputCreation>().ToList();
            Assert.Equal(2, ops.Count);
            Assert.Contains(ops, o => o.OperationId == "op-c" && o.Status == "Running");
            var error = Assert.Single(result.Errors);
            Assert.Equal(("op-gone", "NotFound"), (error.TargetObject as string, error.FullyQualifiedErrorId.Split(',')[0]));
        }

        /// <summary>The one error a statement wrote (a cmdlet's terminating error ends its statement, not the script).</summary>
        private static System.Management.Automation.ErrorRecord OnlyError(RunResult result) =>
            result.Terminating?.ErrorRecord ?? Assert.Single(result.Errors);
    }
}
