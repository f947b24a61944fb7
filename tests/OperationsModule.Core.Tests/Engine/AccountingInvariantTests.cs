using System;
using System.Linq;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.Core.Tests.Engine;

/// <summary>Every input ID yields exactly one result or one failure, whatever the server does.</summary>
public sealed class AccountingInvariantTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Ten_thousand_ids_under_a_seeded_mix_of_faults_each_yield_exactly_one_record(int seed)
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Seed = seed });
        var input = SeededFaultMix.Input(sim);
        SeededFaultMix.AddTo(sim.Faults);
        // Per-request retries only, as before the shared gate; the same run with it: AdaptiveAccountingTests.
        using var run = new BulkHarness(sim, throttleLimit: 32, retries: 2, adaptiveThrottling: false);

        run.Run(input);

        var succeeded = run.SucceededIds;
        var failed = run.FailedIds;
        var all = succeeded.Concat(failed).ToList();
        Assert.Equal(input.Count, all.Count);
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(input.OrderBy(i => i, StringComparer.Ordinal), all.OrderBy(i => i, StringComparer.Ordinal));
        Assert.True(run.Command.Engine.PeakRunning <= 32);
        Assert.True(run.Command.Engine.PeakInFlight <= run.Command.Engine.HoldLimit);

        // Each outcome fits what the server did.
        Assert.All(succeeded, id => Assert.StartsWith("op-", id));
        Assert.All(succeeded, id => Assert.True(sim.State.OlConnect.GetOperation(id)!.Cancelled, id));
        Assert.All(run.Output.Failures.Where(f => ((string)f.TargetObject!).StartsWith("bad/", StringComparison.Ordinal)),
            f => Assert.Equal(ErrorIds.InvalidParameter, f.ErrorId));
        Assert.DoesNotContain(sim.Journal.Snapshot(), r => r.Path.Contains("/bad", StringComparison.Ordinal));
        Assert.Contains(run.Output.Failures, f => f.ErrorId == ErrorIds.NotFound);
        Assert.Contains(run.Output.Failures, f => f.ErrorId == ErrorIds.Forbidden);

        // Every fault kind was actually exercised, and faults were retried rather than reported.
        var journal = sim.Journal.Snapshot();
        Assert.True(journal.Count > input.Count * 99 / 100 * 11 / 10, $"{journal.Count} requests: too few retries for the injected faults");
        foreach (var failure in run.Output.Failures.Where(f => f.Exception.StatusCode is not null || f.ErrorId == ErrorIds.ConnectionFailed))
        {
            var path = BulkHarness.CancelPath((string)failure.TargetObject!);
            Assert.Equal(journal.Count(r => r.Path == path), failure.Exception.Attempts);
        }
        Assert.Equal(0, run.Output.WritesOffPipelineThread);
    }
}
