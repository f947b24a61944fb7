using System;
using System.Linq;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Tests.Engine;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.Core.Tests.Http.Throttling;

/// <summary>
/// The accounting invariant (every input ID yields exactly one result or one failure) with adaptive throttling on,
/// under the seeded fault mix of <see cref="AccountingInvariantTests"/>, and in bounded virtual time: scattered 429s
/// among admitted requests are item refusals, so they must not pace the run into minutes.
/// </summary>
public sealed class AdaptiveAccountingTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Ten_thousand_ids_under_the_fault_mix_with_adaptive_throttling_each_yield_exactly_one_record(int seed)
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Seed = seed });
        var input = SeededFaultMix.Input(sim);
        SeededFaultMix.AddTo(sim.Faults);
        // Retry-After honoured (up to 60 s): each 429 costs its item a virtual second.
        using var run = new BulkHarness(sim, throttleLimit: 32, retries: 2, maximumRetryDelay: TimeSpan.FromSeconds(60), adaptiveThrottling: true);
        var clock = new VirtualClock();
        run.Throttle.Clock = clock;
        var started = clock.UtcNow;

        run.Run(input);

        var all = run.SucceededIds.Concat(run.FailedIds).ToList();
        Assert.Equal(input.Count, all.Count);
        Assert.Equal(input.OrderBy(i => i, StringComparer.Ordinal), all.OrderBy(i => i, StringComparer.Ordinal));
        Assert.True(run.Command.Engine.PeakRunning <= 32);
        Assert.All(run.SucceededIds, id => Assert.True(sim.State.OlConnect.GetOperation(id)!.Cancelled, id));
        Assert.All(run.Output.Failures.Where(f => ((string)f.TargetObject!).StartsWith("bad/", StringComparison.Ordinal)),
            f => Assert.Equal(ErrorIds.InvalidParameter, f.ErrorId));
        // Four in a hundred refused at random while the rest are admitted: never most of them, so no hold and no pacing.
        Assert.False(run.Throttle.IsEngaged, "scattered item refusals engaged the connection's throttling");
        // Bounded: the virtual time is the sum of the refused items' own Retry-After waits (about 400 x 1 s plus
        // back-offs of a few milliseconds), never a connection paced down for every item.
        var took = clock.UtcNow - started;
        Assert.True(took < TimeSpan.FromMinutes(15), $"took {took.TotalMinutes:0.0} min of virtual time");
        Assert.Equal(0, run.Output.WritesOffPipelineThread);
    }
}
