using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.Core.Tests.Engine;

/// <summary>Ctrl+C (StopProcessing): in-flight requests and backoff waits end at once, no new input is taken.</summary>
public sealed class CancellationTests
{
    [Fact]
    public async Task Stopping_cancels_every_request_in_flight_and_takes_no_more_input()
    {
        const int limit = 8;
        await using var sim = await SimulatorServer.StartAsync();
        sim.Faults.Add(FaultAction.NeverAnswer(), pathPattern: "/cancel/");
        using var stop = new CancellationTokenSource();
        // The default 100 s timeout: only the cancellation can end these requests in time.
        using var run = new BulkHarness(sim, throttleLimit: limit, timeout: TimeSpan.FromSeconds(100), cancellationToken: stop.Token);
        run.CredentialAlreadyAccepted();
        var ids = Enumerable.Range(0, 100).Select(i => "op-" + i).ToArray();
        var taken = 0;

        var pipeline = new Thread(() => run.Run(ids.Select(id => { Interlocked.Increment(ref taken); return id; })));
        pipeline.Start();
        BulkEngineTests.WaitUntil(() => sim.Journal.Count == limit);
        // The engine now holds its limit (8 running, 16 queued) and the pipeline thread waits inside Add
        // with the next item read but not taken.
        var hold = run.Command.Engine.HoldLimit;
        BulkEngineTests.WaitUntil(() => Volatile.Read(ref taken) == hold + 1);
        Assert.Equal(limit, run.Command.Engine.Running);
        Assert.Equal(hold, run.Command.Engine.InFlight);

        var clock = Stopwatch.StartNew();
        stop.Cancel();
        Assert.True(pipeline.Join(TimeSpan.FromSeconds(10)), "the pipeline did not return after the stop");
        clock.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"returned after {clock.Elapsed}");
        Assert.Equal(hold + 1, Volatile.Read(ref taken));
        Assert.Equal(limit, sim.Journal.Count);
        Assert.Equal(limit, run.Command.Engine.Started);
        // Every hung request observed the cancellation (else it would run for its 100 s timeout).
        BulkEngineTests.WaitUntil(() => run.Command.Engine.Running == 0, timeoutMs: 5000);
        Assert.False(run.Command.Process("op-late"));
    }

    [Fact]
    public async Task Stopping_ends_backoff_waits_at_once()
    {
        await using var sim = await SimulatorServer.StartAsync();
        var ids = Enumerable.Range(0, 4).Select(i => "op-" + i).ToArray();
        foreach (var id in ids) sim.State.OlConnect.AddOperation(id);
        sim.Faults.Add(FaultAction.Status(503, "3600"), pathPattern: "/cancel/");
        using var stop = new CancellationTokenSource();
        // Honour the hour-long Retry-After: every item sits in a backoff wait.
        using var run = new BulkHarness(sim, throttleLimit: 8, retries: 5, maximumRetryDelay: TimeSpan.FromHours(2), cancellationToken: stop.Token);

        foreach (var id in ids) Assert.True(run.Command.Process(id));
        BulkEngineTests.WaitUntil(() => sim.Journal.Count == ids.Length);

        var clock = Stopwatch.StartNew();
        stop.Cancel();
        var completed = run.Command.Complete();
        BulkEngineTests.WaitUntil(() => run.Command.Engine.Running == 0, timeoutMs: 5000);
        clock.Stop();

        Assert.False(completed);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"backoff ended after {clock.Elapsed}");
        Assert.Equal(ids.Length, sim.Journal.Count);
        Assert.Empty(run.Output.Objects);
    }
}
