using System;
using System.Linq;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.Core.Tests.Engine;

/// <summary>
/// -ErrorAction Stop never hides work: when the port says a failure stops the command, no new request starts, the
/// requests in flight are awaited and their results written, and only then the failure (which ends the command).
/// </summary>
public sealed class StopAtFailureTests
{
    private static string[] Ids(int count, int missingAt) =>
        Enumerable.Range(0, count).Select(i => (i == missingAt ? "missing-" : "op-") + i).ToArray();

    private static void Seed(SimulatorServer sim, string[] ids)
    {
        foreach (var id in ids.Where(i => i.StartsWith("op-", StringComparison.Ordinal))) sim.State.OlConnect.AddOperation(id);
    }

    [Fact]
    public async Task At_ThrottleLimit_1_nothing_after_the_failing_item_is_sent_and_everything_before_it_is_written()
    {
        await using var sim = await SimulatorServer.StartAsync();
        var ids = Ids(12, missingAt: 3);
        Seed(sim, ids);
        using var run = new BulkHarness(sim, throttleLimit: 1, stopsAtFailure: true);
        run.Output.FailureTerminates = true;

        var ended = Assert.Throws<TerminatedByFailureException>(() => run.Run(ids));

        Assert.Equal("missing-3", ended.Failure.TargetObject);
        Assert.Equal(ids.Take(4), BulkHarness.CancelsReceived(sim));
        Assert.Equal(ids.Take(3), run.SucceededIds);
        Assert.Equal(new[] { "missing-3" }, run.FailedIds);
    }

    [Fact]
    public async Task Every_cancel_the_server_answered_is_written_before_the_failure_at_ThrottleLimit_8()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Seed = 11 });
        var ids = Ids(80, missingAt: 3);
        Seed(sim, ids);
        // Uneven latency keeps several cancels in flight when the failure comes back.
        sim.Faults.Add(FaultAction.Latency(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(40)), pathPattern: "/cancel/op-");
        var run = new BulkHarness(sim, throttleLimit: 8, stopsAtFailure: true);
        run.Output.FailureTerminates = true;

        Assert.Throws<TerminatedByFailureException>(() => run.Run(ids));
        // Whatever the command left running is cancelled here, as PowerShell's Dispose does; it must be nothing.
        var runningWhenTheErrorWasWritten = run.Command.Engine.Running;
        run.Dispose();

        Assert.Equal(0, runningWhenTheErrorWasWritten);
        var cancelled = BulkHarness.CancelsReceived(sim).Where(id => id != "missing-3").OrderBy(id => id).ToArray();
        Assert.Equal(cancelled, run.SucceededIds.OrderBy(id => id).ToArray());
        Assert.Equal(new[] { "missing-3" }, run.FailedIds);
        Assert.IsType<Failure>(run.Output.Written.Last());
        // Nothing is admitted once the failure is known: at most the 8 slots' worth after the failing item.
        Assert.True(BulkHarness.CancelsReceived(sim).Length < ids.Length / 2, $"{BulkHarness.CancelsReceived(sim).Length} cancels sent");
    }

    [Fact]
    public async Task An_ID_refused_before_any_request_is_written_after_the_results_in_flight()
    {
        await using var sim = await SimulatorServer.StartAsync();
        var ids = new[] { "op-0", "op-1", "op-2" };
        Seed(sim, ids);
        sim.Faults.Add(FaultAction.Latency(TimeSpan.FromMilliseconds(100)), pathPattern: "/cancel/");
        using var run = new BulkHarness(sim, throttleLimit: 4, stopsAtFailure: true);
        run.Output.FailureTerminates = true;

        var ended = Assert.Throws<TerminatedByFailureException>(() => run.Run(ids.Append(" ").Append("op-9")));

        Assert.Equal(ErrorIds.InvalidParameter, ended.Failure.ErrorId);
        Assert.Equal(ids, run.SucceededIds.OrderBy(id => id));
        Assert.Equal(ids, BulkHarness.CancelsReceived(sim).OrderBy(id => id));
        Assert.IsType<Failure>(run.Output.Written.Last());
    }

    [Fact]
    public async Task When_writing_the_failure_does_not_end_the_command_the_run_goes_on_with_one_record_per_item()
    {
        // -ErrorAction Inquire answered "Yes": WriteError returns, and the items held back must still be sent.
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Seed = 5 });
        var ids = Enumerable.Range(0, 60).Select(i => (i % 20 == 7 ? "missing-" : "op-") + i).ToArray();
        Seed(sim, ids);
        sim.Faults.Add(FaultAction.Latency(TimeSpan.Zero, TimeSpan.FromMilliseconds(10)), pathPattern: "/cancel/");
        using var run = new BulkHarness(sim, throttleLimit: 4, stopsAtFailure: true);

        run.Run(ids);

        Assert.Equal(57, run.Output.Objects.Count);
        Assert.Equal(new[] { "missing-27", "missing-47", "missing-7" }, run.FailedIds.OrderBy(id => id, StringComparer.Ordinal));
        Assert.Equal(ids.OrderBy(id => id), BulkHarness.CancelsReceived(sim).OrderBy(id => id));
        Assert.Equal(60, run.Command.Engine.Completed);
        Assert.Equal(0, run.Command.Engine.InFlight);
    }

    [Fact]
    public async Task At_ThrottleLimit_1_with_a_resumed_failure_the_order_stays_the_input_order()
    {
        await using var sim = await SimulatorServer.StartAsync();
        var ids = Ids(10, missingAt: 4);
        Seed(sim, ids);
        using var run = new BulkHarness(sim, throttleLimit: 1, stopsAtFailure: true);

        run.Run(ids);

        Assert.Equal(ids, run.Output.Written.Select(w => w is Failure f ? (string)f.TargetObject! : ((CancellationResult)w).Id));
        Assert.Equal(ids, BulkHarness.CancelsReceived(sim));
    }

    [Fact]
    public async Task Drain_before_a_terminating_error_writes_the_results_in_flight_and_starts_nothing_more()
    {
        await using var sim = await SimulatorServer.StartAsync();
        var ids = Ids(30, missingAt: -1);
        Seed(sim, ids);
        sim.Faults.Add(FaultAction.Latency(TimeSpan.FromMilliseconds(30)), pathPattern: "/cancel/");
        using var run = new BulkHarness(sim, throttleLimit: 2);
        foreach (var id in ids) Assert.True(run.Command.Process(id));

        run.Command.Drain();

        var sent = BulkHarness.CancelsReceived(sim);
        Assert.Equal(sent.OrderBy(id => id), run.SucceededIds.OrderBy(id => id));
        Assert.True(sent.Length < ids.Length, "the queued items were sent");
        Assert.Equal(0, run.Command.Engine.Running);
        // Drained for good: nothing resumes the queued items or takes new ones.
        Assert.False(run.Command.Process("op-late"));
        Assert.False(run.Command.Complete());
        Assert.Equal(sent.Length, BulkHarness.CancelsReceived(sim).Length);
    }

    [Fact]
    public async Task A_port_that_does_not_stop_at_failures_keeps_writing_failures_as_they_come()
    {
        await using var sim = await SimulatorServer.StartAsync();
        var ids = Ids(10, missingAt: 2);
        Seed(sim, ids);
        using var run = new BulkHarness(sim, throttleLimit: 1);

        run.Run(ids);

        Assert.Equal(9, run.Output.Objects.Count);
        Assert.Equal(new[] { "missing-2" }, run.FailedIds);
        Assert.False(run.Command.Engine.IsHalted);
    }
}
