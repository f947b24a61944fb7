using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http.Throttling;
using OperationsModule.Core.Tests.Engine;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Core.Tests.Simulator;
using OperationsModule.Simulator;
using OperationsModule.Simulator.Faults;
using Xunit;

namespace OperationsModule.Core.Tests.Http.Throttling;

/// <summary>
/// The throttling scenarios (the simulator's FaultScenarios) over real loopback HTTP, with the simulator's limiters and the gate on one virtual clock:
/// time moves only when something waits (a hold, pacing, a retry's back-off), so the virtual time a run takes is what
/// its waits cost. Individual back-offs add up one after another on this clock, so times are compared between runs,
/// never read as wall time (the bench measures that). Virtual time moves with the order in which real answers arrive, so
/// these run alone, not beside CPU-heavy tests that would reorder them.
/// </summary>
[Collection(ThrottlingScenarioTests.Serial)]
public sealed class ThrottlingScenarioTests
{
    public const string Serial = "Throttling scenarios on a virtual clock";

    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    private sealed class Run : IAsyncDisposable
    {
        private Run(SimulatorServer sim, VirtualClock clock)
        {
            Sim = sim;
            Clock = clock;
        }

        public SimulatorServer Sim { get; }

        public VirtualClock Clock { get; }

        public static async Task<Run> StartAsync()
        {
            var clock = new VirtualClock();
            return new Run(await SimulatorServer.StartAsync(new SimulatorOptions { TimeProvider = new VirtualTimeProvider(clock) }), clock);
        }

        /// <summary>The same IDs in every run ("op-1", ...), so fault rules that pick by path treat two runs alike.</summary>
        public List<string> Seed(int count) => Enumerable.Range(1, count).Select(i => Sim.State.OlConnect.AddOperation("op-" + i).Id).ToList();

        /// <summary>Stop-OutputCreation over the ids with real retry intervals and Retry-After honoured, on the virtual clock; returns the virtual time it took.</summary>
        public (BulkHarness Harness, TimeSpan Took) Cancel(IEnumerable<string> ids, int throttleLimit, int retries = 3, bool adaptive = true, TimeSpan? maximumThrottleWait = null)
        {
            var harness = new BulkHarness(Sim, throttleLimit, retries, retryInterval: OneSecond, maximumRetryDelay: TimeSpan.FromSeconds(60), adaptiveThrottling: adaptive);
            harness.Throttle.Clock = Clock;
            if (maximumThrottleWait is { } wait) harness.Options.MaximumThrottleWait = wait;
            var started = Clock.UtcNow;
            harness.Run(ids);
            return (harness, Clock.UtcNow - started);
        }

        public ValueTask DisposeAsync() => Sim.DisposeAsync();
    }

    private static void AssertOneRecordEach(BulkHarness harness, IEnumerable<string> ids) =>
        Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), harness.SucceededIds.Concat(harness.FailedIds).OrderBy(i => i, StringComparer.Ordinal));

    [Fact]
    public async Task Item_specific_refusals_leave_the_connection_alone_and_cost_what_per_request_retries_cost()
    {
        await using var before = await Run.StartAsync();
        await using var run = await Run.StartAsync();
        var ids = before.Seed(200);
        run.Seed(200);
        FaultScenarios.ItemMix(before.Sim.Faults, "/cancel/");
        FaultScenarios.ItemMix(run.Sim.Faults, "/cancel/");
        var (plain, plainTook) = before.Cancel(ids, throttleLimit: 16, adaptive: false);
        var (adaptive, adaptiveTook) = run.Cancel(ids, throttleLimit: 16);

        AssertOneRecordEach(adaptive, ids);
        Assert.False(adaptive.Throttle.IsEngaged, "item refusals engaged the connection's throttling");
        // Refused twice, then served: with -MaximumRetryCount 3 every such item succeeds, as without the gate.
        Assert.Equal(plain.SucceededIds.Count, adaptive.SucceededIds.Count);
        Assert.DoesNotContain(adaptive.Output.Failures, f => f.ErrorId == ErrorIds.RateLimited);
        Assert.True(adaptiveTook.TotalSeconds <= 1.5 * plainTook.TotalSeconds, $"{adaptiveTook.TotalSeconds:0.0} s against {plainTook.TotalSeconds:0.0} s without adaptive throttling");
        plain.Dispose();
        adaptive.Dispose();
    }

    [Fact]
    public async Task An_outage_loses_nothing_and_leaves_the_connection_unpaced()
    {
        await using var run = await Run.StartAsync();
        var ids = run.Seed(1000);
        // 300 s, not 3: on this clock the first refusals' own Retry-After waits (before there is evidence) add up one
        // after another, and three of them would end a 3 s outage before the gate saw it (the bench times the 3 s case).
        var outage = run.Sim.Faults.Add(FaultAction.Outage(TimeSpan.FromSeconds(300)), pathPattern: "/cancel/").Action as OutageFault;

        var (harness, _) = run.Cancel(ids, throttleLimit: 32);

        AssertOneRecordEach(harness, ids);
        Assert.Empty(harness.FailedIds);
        Assert.True(outage!.Refused >= ThrottleGate.MinimumEvidence, "the outage never bit: the test proves nothing");
        Assert.True(harness.Throttle.IsEngaged);
        Assert.Null(harness.Throttle.Rate); // no second of the outage admitted anything: nothing learned, nothing lowered
        Assert.Equal(32, harness.Throttle.Concurrency);
        harness.Dispose();
    }

    [Theory]
    [InlineData(LimitHeaderStyle.GitHub)]
    [InlineData(LimitHeaderStyle.Draft)]
    [InlineData(LimitHeaderStyle.Structured)]
    public async Task Announced_limits_are_spent_without_refusals_at_nine_tenths_of_the_rate_or_more(LimitHeaderStyle style)
    {
        await using var run = await Run.StartAsync();
        var ids = run.Seed(1000);
        var window = run.Sim.Faults.Add(FaultAction.FixedWindow(100, TimeSpan.FromSeconds(2), headers: style), pathPattern: "/cancel/").Action as FixedWindowFault;

        // One request at a time: on this clock a paced send costs no real time, so with more at once the answers
        // would come back dozens of virtual intervals late and out of order, which no real connection does.
        var (harness, took) = run.Cancel(ids, throttleLimit: 1);

        AssertOneRecordEach(harness, ids);
        Assert.Empty(harness.FailedIds);
        Assert.True(window!.Refused <= 10, $"{window.Refused} refused (1 % of 1000 is 10)");
        var perSecond = ids.Count / took.TotalSeconds;
        Assert.True(perSecond >= 0.9 * 50, $"{perSecond:0.0} requests/s of virtual time against 100 per 2 s");
        Assert.Null(harness.Throttle.Rate); // the quota paced it; nothing was guessed
        harness.Dispose();
    }

    [Fact]
    public async Task Lying_limit_headers_are_ignored_and_never_stall_the_run()
    {
        await using var run = await Run.StartAsync();
        var ids = run.Seed(400);
        run.Sim.Faults.Add(FaultAction.FixedWindow(1000, TimeSpan.FromSeconds(2), headers: LimitHeaderStyle.Lying), pathPattern: "/cancel/");

        var (harness, took) = run.Cancel(ids, throttleLimit: 32);

        AssertOneRecordEach(harness, ids);
        Assert.Empty(harness.FailedIds);
        Assert.True(took < TimeSpan.FromSeconds(1), $"took {took.TotalSeconds:0.0} s of virtual time: a lie was believed");
        harness.Dispose();
    }

    [Fact]
    public async Task In_a_session_that_sent_before_MaximumRetryCount_bounds_an_items_own_refusals()
    {
        await using var run = await Run.StartAsync();
        var ids = run.Seed(2);
        run.Sim.Faults.Add(FaultAction.Status(429, "1"), pathPattern: "/cancel/" + ids[1] + "$", perPathTimes: 2);
        var harness = new BulkHarness(run.Sim, throttleLimit: 1, retries: 1, retryInterval: OneSecond, maximumRetryDelay: TimeSpan.FromSeconds(60));
        harness.Throttle.Clock = run.Clock;

        harness.Run(ids);

        Assert.Equal(new[] { ids[0] }, harness.SucceededIds);
        var failure = harness.FailureFor(ids[1]);
        Assert.Equal(ErrorIds.RateLimited, failure.ErrorId);
        Assert.Equal(2, failure.Exception.Attempts);
        Assert.Equal(2, run.Sim.Journal.Snapshot().Count(r => r.Path == BulkHarness.CancelPath(ids[1])));
        harness.Dispose();
    }

    [Fact]
    public async Task Waiting_out_a_connection_wide_limit_is_free_only_within_the_maximum_throttle_wait()
    {
        await using var run = await Run.StartAsync();
        var ids = run.Seed(64);
        run.Sim.Faults.Add(FaultAction.Outage(TimeSpan.FromHours(1)), pathPattern: "/cancel/");

        var (harness, took) = run.Cancel(ids, throttleLimit: 32, retries: 2, maximumThrottleWait: TimeSpan.FromSeconds(10));

        AssertOneRecordEach(harness, ids);
        Assert.All(harness.Output.Failures, f => Assert.Equal(ErrorIds.RateLimited, f.ErrorId));
        Assert.Equal(64, harness.Output.Failures.Count);
        // Free attempts while the whole connection was refused, then the two counted retries: more than 1 + 2 attempts;
        // and the run ends long before the hour the outage lasts (how many free attempts fit in the 10 s depends on
        // how this clock interleaves the items' waits, so only the end is asserted).
        var attempts = harness.Output.Failures.Select(f => f.Exception.Attempts).ToList();
        Assert.Contains(attempts, a => a > 3);
        Assert.True(took < TimeSpan.FromHours(1), $"took {took.TotalMinutes:0.0} min of virtual time: the run waited for the outage to end");
        harness.Dispose();
    }
}

[CollectionDefinition(ThrottlingScenarioTests.Serial, DisableParallelization = true)]
public sealed class ThrottlingScenarioCollection
{
}
