using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Tests.Bulk;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;
using OperationsModule.Simulator.Faults;
using Xunit;

namespace OperationsModule.Core.Tests.Throttling;

/// <summary>
/// Bulk cancels over real HTTP against a throttling simulator. The gate's holds and pacing run on a virtual clock,
/// so a Retry-After of seconds costs no real time; the simulator's token bucket runs on real time.
/// </summary>
public sealed class RateLimitedBulkTests
{
    private static readonly TimeSpan HonourRetryAfter = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Under_a_token_bucket_every_piped_item_yields_exactly_one_result_and_none_is_lost()
    {
        await using var sim = await SimulatorServer.StartAsync();
        var ids = Seed(sim, 300);
        var bucket = sim.Faults.Add(FaultAction.RateLimit(rate: 200, burst: 5, retryAfter: "1"), pathPattern: "/cancel/").Action as RateLimitFault;
        using var run = new BulkHarness(sim, throttleLimit: 32, retries: 3, maximumRetryDelay: HonourRetryAfter);
        run.Throttle.Clock = new VirtualClock();
        run.Output.IsVerboseEnabled = true;

        run.Run(ids);

        Assert.Empty(run.Output.Failures);
        Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), run.SucceededIds.OrderBy(i => i, StringComparer.Ordinal));
        Assert.True(bucket!.Refused > 0, "the rate limit never bit: the test proves nothing");
        Assert.True(run.Throttle.IsEngaged);
        Assert.True(run.Command.Engine.PeakRunning <= 32);
        Assert.Contains(run.Output.Verbose, l => l.Contains("holding back every request to it until then; at most ", StringComparison.Ordinal));
        Assert.Contains(run.Output.Verbose, l => l.Contains(": sending again after holding requests back ", StringComparison.Ordinal));
        Assert.Equal(0, run.Output.WritesOffPipelineThread);
    }

    [Fact]
    public async Task Throttled_attempts_do_not_count_against_MaximumRetryCount()
    {
        await using var sim = await SimulatorServer.StartAsync();
        var ids = Seed(sim, 20);
        sim.Faults.Add(FaultAction.Status(429, "1"), pathPattern: "/cancel/", perPathTimes: 6);
        using var run = new BulkHarness(sim, throttleLimit: 8, retries: 3, maximumRetryDelay: HonourRetryAfter);
        run.Throttle.Clock = new VirtualClock();

        run.Run(ids);

        Assert.Empty(run.Output.Failures);
        Assert.Equal(20, run.SucceededIds.Count);
        Assert.All(ids, id => Assert.Equal(7, sim.Journal.For(BulkHarness.CancelPath(id)).Count()));
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
    public async Task A_server_that_admits_nothing_for_the_maximum_throttle_wait_still_ends_the_run_with_one_error_per_item()
    {
        await using var sim = await SimulatorServer.StartAsync();
        var ids = Seed(sim, 10);
        sim.Faults.Add(FaultAction.Status(429, "30"), pathPattern: "/cancel/");
        using var run = new BulkHarness(sim, throttleLimit: 4, retries: 2, maximumRetryDelay: HonourRetryAfter);
        var clock = new VirtualClock();
        run.Throttle.Clock = clock;

        run.Run(ids);

        Assert.Empty(run.SucceededIds);
        Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), run.FailedIds.OrderBy(i => i, StringComparer.Ordinal));
        Assert.All(run.Output.Failures, f => Assert.Equal(ErrorIds.RateLimited, f.ErrorId));
        // Held back in 30 s steps, free of charge, until five minutes passed without a single admission; then the
        // retries count again (each still held back by the server's 30 s), so every item ends after its retries.
        Assert.True(clock.UtcNow - new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) >= TimeSpan.FromMinutes(5));
        Assert.All(run.Output.Failures, f => Assert.True(f.Exception.Attempts >= 3, $"{f.Exception.Attempts} attempts"));
    }

    private static List<string> Seed(SimulatorServer sim, int count) =>
        Enumerable.Range(0, count).Select(_ => sim.State.OlConnect.AddOperation().Id).ToList();
}
