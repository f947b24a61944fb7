using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Engine;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Output;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.Core.Tests.Engine;

/// <summary>The engine's contract: throttle, ordering at 1, streaming, pipeline-thread output, one record per item.</summary>
public sealed class BulkEngineTests
{
    [Fact]
    public async Task ThrottleLimit_1_is_strictly_sequential_and_in_input_order()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Seed = 7 });
        var ids = Enumerable.Range(0, 40).Select(i => "op-" + i).ToArray();
        foreach (var id in ids) sim.State.OlConnect.AddOperation(id);
        // Uneven latency would reorder completions if two requests were ever in flight at once.
        sim.Faults.Add(FaultAction.Latency(TimeSpan.Zero, TimeSpan.FromMilliseconds(4)), pathPattern: "/cancel/");
        using var run = new BulkHarness(sim, throttleLimit: 1);

        run.Run(ids);

        Assert.Equal(ids, run.SucceededIds);
        Assert.Equal(ids.Select(BulkHarness.CancelPath), sim.Journal.Snapshot().Select(r => r.Path));
        Assert.Equal(1, run.Command.Engine.PeakRunning);
    }

    [Fact]
    public async Task The_engine_runs_at_most_ThrottleLimit_holds_a_constant_number_and_streams_output_while_input_arrives()
    {
        const int limit = 8;
        const int count = 3000;
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { JournalEnabled = false });
        using var run = new BulkHarness(sim, throttleLimit: limit);
        var engine = run.Command.Engine;
        long worstBacklog = 0;

        // Lazy input: each ID is produced only when the engine asks for it, like a pipeline.
        IEnumerable<string> Input()
        {
            for (var i = 0; i < count; i++)
            {
                var written = run.Output.Objects.Count + run.Output.Failures.Count;
                worstBacklog = Math.Max(worstBacklog, i - written);
                yield return "unknown-" + i;
            }
        }

        run.Run(Input());

        Assert.Equal(count, run.Output.Failures.Count);
        Assert.Equal(count, engine.Completed);
        Assert.Equal(limit + BulkEngine.MinimumQueued, engine.HoldLimit);
        Assert.True(engine.PeakRunning <= limit, $"{engine.PeakRunning} requests ran at once");
        Assert.True(engine.PeakInFlight <= engine.HoldLimit, $"{engine.PeakInFlight} items held at once");
        // Before item i is read, at least i - HoldLimit results have already been written: nothing piles up.
        Assert.True(worstBacklog <= engine.HoldLimit, $"up to {worstBacklog} items read but not yet written");
        Assert.Equal(0, engine.InFlight);
    }

    [Fact]
    public async Task A_slow_server_still_sees_results_written_before_a_whole_batch_has_finished()
    {
        // ThrottleLimit 1 at 30 ms a request: the pipeline thread, blocked at its hold limit, would sleep until half the
        // queue (32 results, about a second) had finished; the batch wait's bound writes what finished after 250 ms.
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { JournalEnabled = false });
        var ids = Enumerable.Range(0, 80).Select(i => "slow-" + i).ToArray();
        foreach (var id in ids) sim.State.OlConnect.AddOperation(id);
        sim.Faults.Add(FaultAction.Latency(TimeSpan.FromMilliseconds(30), TimeSpan.FromMilliseconds(30)), pathPattern: "/cancel/");
        using var run = new BulkHarness(sim, throttleLimit: 1);
        var engine = run.Command.Engine;
        var batch = (engine.HoldLimit - engine.ThrottleLimit) / 2;
        int? writtenWhenUnblocked = null;

        IEnumerable<string> Input()
        {
            for (var i = 0; i < ids.Length; i++)
            {
                // The first item past the hold limit is asked for once the blocked pipeline thread has written something.
                if (i == engine.HoldLimit + 1) writtenWhenUnblocked = run.Output.Objects.Count;
                yield return ids[i];
            }
        }

        run.Run(Input());

        Assert.Equal(ids.Length, run.Output.Objects.Count);
        Assert.NotNull(writtenWhenUnblocked);
        Assert.InRange(writtenWhenUnblocked!.Value, 1, batch - 1);
    }

    [Fact]
    public async Task All_output_is_written_on_the_pipeline_thread()
    {
        await using var sim = await SimulatorServer.StartAsync();
        var ids = Enumerable.Range(0, 200).Select(i => (i % 2 == 0 ? "op-" : "missing-") + i).ToArray();
        foreach (var id in ids.Where(i => i.StartsWith("op-"))) sim.State.OlConnect.AddOperation(id);
        sim.Faults.Add(FaultAction.Status(503, "0"), pathPattern: "/cancel/", perPathTimes: 1);
        using var run = new BulkHarness(sim, throttleLimit: 16);
        run.Output.IsVerboseEnabled = true;
        run.Output.IsDebugEnabled = true;

        run.Run(ids);

        Assert.Equal(100, run.Output.Objects.Count);
        Assert.Equal(100, run.Output.Failures.Count);
        Assert.NotEmpty(run.Output.Verbose);
        Assert.NotEmpty(run.Output.Debug);
        Assert.Equal(0, run.Output.WritesOffPipelineThread);
    }

    [Fact]
    public async Task Nothing_is_logged_when_nobody_listens()
    {
        await using var sim = await SimulatorServer.StartAsync();
        sim.State.OlConnect.AddOperation("op-1");
        sim.Faults.Add(FaultAction.Status(503, "0"), pathPattern: "/cancel/", perPathTimes: 1);
        using var run = new BulkHarness(sim, throttleLimit: 4);

        run.Run(new[] { "op-1", "op-2" });

        Assert.Single(run.Output.Objects);
        Assert.Single(run.Output.Failures);
        Assert.Empty(run.Output.Verbose);
        Assert.Empty(run.Output.Debug);
    }

    [Fact]
    public async Task Verbose_shows_each_request_and_each_retry()
    {
        await using var sim = await SimulatorServer.StartAsync();
        sim.State.OlConnect.AddOperation("op-1");
        sim.Faults.Add(FaultAction.Status(429, "0"), pathPattern: "/cancel/", perPathTimes: 2);
        using var run = new BulkHarness(sim, throttleLimit: 4);
        run.Output.IsVerboseEnabled = true;

        run.Run(new[] { "op-1" });

        var lines = run.Output.Verbose.ToList();
        Assert.Equal(3, lines.Count(l => l.StartsWith("POST ", StringComparison.Ordinal) && l.Contains("/cancel/op-1 -> ")));
        Assert.Equal(2, lines.Count(l => l.StartsWith("Retrying POST", StringComparison.Ordinal) && l.Contains("429")));
        Assert.Empty(run.Output.Debug);
    }

    [Fact]
    public void An_unexpected_exception_still_yields_exactly_one_record_per_item()
    {
        var output = new RecordingOutput { PipelineThreadId = Environment.CurrentManagedThreadId };
        using var engine = new BulkEngine(4, CancellationToken.None);

        engine.Add<string>("sync-throw", (_, _) => throw new InvalidOperationException("boom"), output);
        engine.Add("async-throw", (_, _) => ThrowLaterAsync(new FormatException("bad")), output);
        engine.Add("ok", (_, _) => Task.FromResult<object>("fine"), output);
        engine.Add("api", (_, _) => ThrowLaterAsync(new OperationsApiException("nope", ErrorIds.NotFound, ErrorCategoryName.ObjectNotFound)), output);
        Assert.True(engine.Complete(output));

        Assert.Equal(new object[] { "fine" }, output.Objects.ToArray());
        Assert.Equal(new[] { "api", "async-throw", "sync-throw" }, output.Failures.Select(f => (string)f.TargetObject!).OrderBy(t => t, StringComparer.Ordinal));
        Assert.Contains("InvalidOperationException: boom", output.Failures.Single(f => (string)f.TargetObject! == "sync-throw").Exception.Message);
        Assert.Equal(ErrorIds.NotFound, output.Failures.Single(f => (string)f.TargetObject! == "api").ErrorId);
        Assert.Equal(0, output.WritesOffPipelineThread);
    }

    private static async Task<string> ThrowLaterAsync(Exception exception)
    {
        await Task.Yield();
        throw exception;
    }

    [Fact]
    public void A_throttle_limit_below_one_is_refused_naming_the_parameter()
    {
        var ex = Assert.Throws<InputValidationException>(() => new BulkEngine(0, CancellationToken.None));
        Assert.Equal("ThrottleLimit", ex.ParameterName);
    }

    [Fact]
    public void Results_come_back_in_completion_order()
    {
        var output = new RecordingOutput();
        using var engine = new BulkEngine(3, CancellationToken.None);
        var gates = Enumerable.Range(0, 3).Select(_ => new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        for (var i = 0; i < 3; i++)
        {
            var gate = gates[i];
            engine.Add(i, (_, _) => gate.Task, output);
        }
        Assert.Empty(output.Objects);

        gates[2].SetResult("third");
        WaitUntil(() => { engine.Flush(output); return output.Objects.Count == 1; });
        gates[0].SetResult("first");
        WaitUntil(() => { engine.Flush(output); return output.Objects.Count == 2; });
        gates[1].SetResult("second");
        engine.Complete(output);

        Assert.Equal(new object[] { "third", "first", "second" }, output.Objects.ToArray());
    }

    [Fact]
    public void A_finished_item_starts_the_next_queued_one_without_the_pipeline_thread()
    {
        var output = new RecordingOutput();
        using var engine = new BulkEngine(1, CancellationToken.None);
        var gates = Enumerable.Range(0, 3).Select(_ => new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var started = new int[3];
        for (var i = 0; i < 3; i++)
        {
            var item = i;
            engine.Add(item, (_, _) =>
            {
                Interlocked.Exchange(ref started[item], 1);
                return gates[item].Task;
            }, output);
        }
        Assert.Equal(new[] { 1, 0, 0 }, started);

        // From here on the pipeline thread neither adds nor flushes: only the finishing items can start the rest.
        gates[0].SetResult("first");
        WaitUntil(() => Volatile.Read(ref started[1]) == 1);
        Assert.Equal(0, Volatile.Read(ref started[2]));
        gates[1].SetResult("second");
        WaitUntil(() => Volatile.Read(ref started[2]) == 1);
        gates[2].SetResult("third");
        engine.Complete(output);

        Assert.Equal(new object[] { "first", "second", "third" }, output.Objects.ToArray());
        Assert.Equal(1, engine.PeakRunning);
    }

    /// <summary>Waits for a condition another thread makes true (a bound for a hung test, not a timing assumption).</summary>
    internal static void WaitUntil(Func<bool> condition, int timeoutMs = 10_000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        var spin = new SpinWait();
        while (!condition())
        {
            if (Environment.TickCount64 > deadline) throw new TimeoutException("The condition was not met in time.");
            spin.SpinOnce(sleep1Threshold: 20);
        }
    }
}
