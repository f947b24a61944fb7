using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Tests.Engine;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;
using OperationsModule.Simulator.Faults;
using Xunit;

namespace OperationsModule.Core.Tests.Http.Throttling;

/// <summary>
/// Bulk cancels over real HTTP against a throttling simulator. The gate's holds and pacing run on a virtual clock,
/// so a Retry-After of seconds costs no real time; the simulator's token bucket runs on real time.
/// </summary>
public sealed class RateLimitedBulkTests
{
    private static readonly TimeSpan HonourRetryAfter = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Under_a_token_bucket_every_piped_item_yields_exactly_one_record()
    {
        await using var sim = await SimulatorServer.StartAsync();
        var ids = Seed(sim, 300);
        var bucket = sim.Faults.Add(FaultAction.RateLimit(rate: 200, burst: 5, retryAfter: "1"), pathPattern: "/cancel/").Action as RateLimitFault;
        using var run = new BulkHarness(sim, throttleLimit: 32, retries: 3, maximumRetryDelay: HonourRetryAfter);
        run.Throttle.Clock = new VirtualClock();
        run.Output.IsVerboseEnabled = true;

        run.Run(ids);

        var all = run.SucceededIds.Concat(run.FailedIds).OrderBy(i => i, StringComparer.Ordinal);
        Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), all);
        Assert.True(bucket!.Refused > 0, "the rate limit never bit: the test proves nothing");
        Assert.True(run.Throttle.IsEngaged);
        Assert.True(run.Command.Engine.PeakRunning <= 32);
        Assert.Contains(run.Output.Verbose, l => l.Contains("holding back every request to it until then; at most ", StringComparison.Ordinal));
        Assert.Contains(run.Output.Verbose, l => l.Contains(": sending again after holding requests back ", StringComparison.Ordinal));
        Assert.Equal(0, run.Output.WritesOffPipelineThread);
    }

    [Fact]
    public async Task With_adaptive_throttling_off_the_old_behaviour_loses_those_items()
    {
        await using var sim = await SimulatorServer.StartAsync();
        var ids = Seed(sim, 20);
        sim.Faults.Add(FaultAction.Status(429, "1"), pathPattern: "/cancel/", perPathTimes: 6);
        using var run = new BulkHarness(sim, throttleLimit: 8, retries: 3, adaptiveThrottling: false);

        run.Run(ids);

        Assert.Empty(run.SucceededIds);
        Assert.Equal(20, run.Output.Failures.Count);
        Assert.All(run.Output.Failures, f => Assert.Equal(ErrorIds.RateLimited, f.ErrorId));
        Assert.All(run.Output.Failures, f => Assert.Equal(4, f.Exception.Attempts));
        Assert.False(run.Throttle.IsEngaged);
    }

    [Fact]
    public async Task A_server_that_stops_admitting_ends_the_run_with_one_record_per_item_after_the_usual_retries()
    {
        await using var sim = await SimulatorServer.StartAsync();
        var ids = Seed(sim, 10);
        // Five requests pass, then (in real time) no token for hours; each refusal asks for 30 s.
        sim.Faults.Add(FaultAction.RateLimit(rate: 0.0001, burst: 5, retryAfter: "30"), pathPattern: "/cancel/");
        using var run = new BulkHarness(sim, throttleLimit: 1, retries: 2, maximumRetryDelay: HonourRetryAfter);
        run.Throttle.Clock = new VirtualClock();

        run.Run(ids);

        Assert.Equal(ids.Take(5), run.SucceededIds);
        Assert.Equal(ids.Skip(5), run.FailedIds);
        Assert.All(run.Output.Failures, f => Assert.Equal(ErrorIds.RateLimited, f.ErrorId));
        // One request at a time, refused again and again while five were admitted before: nothing shows a limit on the
        // connection rather than on these items, so every refusal counts and -MaximumRetryCount 2 ends each after 3 attempts.
        Assert.All(ids.Skip(5), id => Assert.Equal(3, run.FailureFor(id).Exception.Attempts));
    }

    private static List<string> Seed(SimulatorServer sim, int count) =>
        Enumerable.Range(0, count).Select(_ => sim.State.OlConnect.AddOperation().Id).ToList();
}
