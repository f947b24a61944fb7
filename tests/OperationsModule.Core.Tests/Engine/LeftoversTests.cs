using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Engine;
using OperationsModule.Core.Tests.Infrastructure;
using Xunit;

namespace OperationsModule.Core.Tests.Engine;

/// <summary>
/// After a stop the engine waits for the work in flight to observe it before naming what is left. The wait guesses that
/// work ends at once when cancelled: where it does, the wait ends with it; where work ignores the stop, it costs the grace
/// and no more, and that work is counted rather than named.
/// </summary>
public sealed class LeftoversTests
{
    private static async Task<object> UntilStopped(CancellationToken token)
    {
        await Task.Delay(Timeout.Infinite, token);
        return "never";
    }

    /// <summary>Work that takes a moment to wind down once stopped, as a request closing its connection does.</summary>
    private static async Task<object> SlowToStop(CancellationToken token)
    {
        try
        {
            return await UntilStopped(token);
        }
        catch (OperationCanceledException)
        {
            await Task.Delay(100);
            throw;
        }
    }

    [Fact]
    public void Work_that_ignores_the_stop_costs_the_grace_and_is_counted_not_named()
    {
        var output = new RecordingOutput();
        using var stop = new CancellationTokenSource();
        using var engine = new BulkEngine(2, stop.Token);
        var ignoresStop = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        engine.Add("stubborn", (_, _) => ignoresStop.Task, output);
        engine.Add("prompt", (_, token) => UntilStopped(token), output);
        engine.Add("queued", (_, token) => UntilStopped(token), output);

        stop.Cancel();
        var grace = TimeSpan.FromMilliseconds(300);
        var clock = Stopwatch.StartNew();
        var leftovers = engine.TakeLeftovers(grace);
        clock.Stop();

        Assert.Equal(1, leftovers.StillRunning);
        Assert.Equal(new object[] { "prompt" }, leftovers.CutShort);
        Assert.Equal(new object[] { "queued" }, leftovers.NotSent);
        Assert.True(clock.Elapsed >= grace && clock.Elapsed < grace + TimeSpan.FromSeconds(5), $"waited {clock.Elapsed}");
        var warnings = StoppedRunWarnings.For(leftovers, Array.Empty<string?>(), "Test Item").ToArray();
        Assert.Equal(2, warnings.Length);
        Assert.Equal("Stopped while the cancels of 2 Test Item items were under way (1 of them still running when the command ended, not named); "
            + "whether the server acted on them is unknown, so read their state before sending them again: 'prompt'.", warnings[0]);
        Assert.Equal("Stopped before sending the cancels of 1 Test Item item, so the server never received them: 'queued'.", warnings[1]);
        // Finishing after all that posts into the engine without throwing, and nobody reads it.
        ignoresStop.SetResult("late");
    }

    [Fact]
    public void Work_that_observes_the_stop_ends_the_wait_long_before_the_grace()
    {
        var output = new RecordingOutput();
        using var stop = new CancellationTokenSource();
        using var engine = new BulkEngine(8, stop.Token);
        foreach (var id in Enumerable.Range(0, 8)) engine.Add(id, (_, token) => SlowToStop(token), output);

        stop.Cancel();
        var clock = Stopwatch.StartNew();
        var leftovers = engine.TakeLeftovers(TimeSpan.FromSeconds(60));
        clock.Stop();

        // All eight waited for and named: none was still winding down when the wait ended.
        Assert.Equal(0, leftovers.StillRunning);
        Assert.Equal(Enumerable.Range(0, 8).Cast<object>(), leftovers.CutShort.OrderBy(id => (int)id!));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"waited {clock.Elapsed} for work that ends when cancelled");
    }
}
