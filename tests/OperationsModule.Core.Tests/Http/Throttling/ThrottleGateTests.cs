using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Engine;
using OperationsModule.Core.Http.Throttling;
using OperationsModule.Core.Tests.Infrastructure;
using Xunit;

namespace OperationsModule.Core.Tests.Http.Throttling;

/// <summary>The gate on its own, on a virtual clock: which refusals are the connection's, and what they do to every other request.</summary>
public sealed class ThrottleGateTests
{
    private static readonly Uri Server = new Uri("http://127.0.0.1:5000/rest/x");
    private static readonly TimeSpan MaximumHold = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    [Fact]
    public void Until_the_server_limits_the_connection_requests_pass_unpaced_and_unlimited()
    {
        var (gate, _) = NewGate();
        var sent = Enumerable.Range(0, 100).Select(_ => gate.EnterUnpaced()).ToList();
        Assert.Equal(100, gate.InFlight);
        foreach (var at in sent) gate.Complete(at, throttled: false, null, MaximumHold, Server, new RecordingOutput());

        Assert.False(gate.IsEngaged);
        Assert.Null(gate.Rate);
        Assert.Null(gate.Concurrency);
        Assert.Null(gate.Describe());
        Assert.Equal(0, gate.InFlight);
    }

    [Fact]
    public void A_refused_item_among_admitted_ones_is_the_items_own_and_leaves_the_connection_alone()
    {
        var (gate, _) = NewGate();
        var log = new RecordingOutput();
        var verdicts = new List<ThrottleVerdict>();
        // One in five refused (first refusals), the rest admitted, 16 in flight: far from most.
        for (var i = 0; i < 200; i++)
        {
            var at = gate.EnterUnpaced();
            verdicts.Add(gate.Complete(at, throttled: i % 5 == 2, i % 5 == 2 ? OneSecond : null, MaximumHold, Server, log));
        }

        Assert.All(verdicts.Where((_, i) => i % 5 == 2), v => Assert.Equal(ThrottleVerdict.Item, v));
        Assert.False(gate.IsEngaged);
        Assert.False(gate.IsClosed);
        Assert.Null(gate.Rate);
    }

    [Fact]
    public void One_item_refused_again_and_again_is_no_evidence_against_the_connection()
    {
        var (gate, _) = NewGate();
        var log = new RecordingOutput();
        gate.Complete(gate.EnterUnpaced(), throttled: false, null, MaximumHold, Server, log);
        for (var attempt = 0; attempt < 20; attempt++)
            Assert.Equal(ThrottleVerdict.Item, gate.Complete(gate.EnterUnpaced(), throttled: true, OneSecond, MaximumHold, Server, log, repeat: attempt > 0));

        Assert.False(gate.IsEngaged);
    }

    [Fact]
    public async Task When_most_requests_are_refused_a_retry_after_holds_back_every_request_and_verbose_says_so()
    {
        var (gate, clock) = NewGate();
        var log = new RecordingOutput();
        var started = clock.UtcNow;
        var sent = Enumerable.Range(0, 12).Select(_ => gate.EnterUnpaced()).ToList();
        var evidence = gate.EvidenceNeeded; // as many as were in flight at once: 12
        Assert.Equal(12, evidence);

        var verdicts = sent.Take(evidence).Select(at => gate.Complete(at, throttled: true, TimeSpan.FromSeconds(2), MaximumHold, Server, log)).ToList();
        // Fewer answers than MinimumEvidence are no evidence yet, with others in flight: undecided, so not held against
        // the items; the refusal that makes the count is evidence.
        Assert.Equal(Enumerable.Repeat(ThrottleVerdict.Undecided, evidence - 1).Append(ThrottleVerdict.Hold), verdicts);
        Assert.True(gate.IsClosed);
        Assert.Contains("throttled by the server: all requests held back 2.0 s more", gate.Describe());
        // Requests already in flight finish normally.
        foreach (var at in sent.Skip(evidence)) gate.Complete(at, throttled: false, null, MaximumHold, Server, log);

        // Any request sent now, not only the refused ones, waits for the Retry-After.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => gate.WaitTurnAsync(Server, log, CancellationToken.None)));
        Assert.True(clock.UtcNow - started >= TimeSpan.FromSeconds(2));
        Assert.False(gate.IsClosed);

        var lines = log.Verbose.ToList();
        Assert.Contains(lines, l => l.StartsWith("127.0.0.1:5000: the server refused most requests and asked to wait 2 s: holding back every request to it until then; at most 12 requests at a time", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("127.0.0.1:5000: sending again after holding requests back 2.0 s; at most", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_outage_that_admitted_nothing_teaches_nothing_and_leaves_the_connection_as_fast_as_before()
    {
        var (gate, clock) = NewGate();
        var log = new RecordingOutput();
        // The server refuses everything for its first 3 s: 32 requests at a time, each refused, held, sent again.
        var inFlight = Enumerable.Range(0, 32).Select(_ => gate.EnterUnpaced()).ToList();
        var started = clock.UtcNow;
        while (clock.UtcNow - started < TimeSpan.FromSeconds(3))
        {
            // Each was held, so its next refusal is not a repeat: the transport counts it as fresh evidence.
            var verdicts = inFlight.Select((at, i) => gate.Complete(at, throttled: true, OneSecond, MaximumHold, Server, log)).ToList();
            Assert.Equal(ThrottleVerdict.Hold, verdicts.Last());
            inFlight = (await Task.WhenAll(inFlight.Select(_ => gate.WaitTurnAsync(Server, log, CancellationToken.None)))).ToList();
        }

        Assert.Null(gate.Rate); // never lowered: no second of the outage admitted anything
        Assert.Equal(32, gate.Concurrency);
        Assert.All(inFlight, at => gate.Complete(at, throttled: false, null, MaximumHold, Server, log));
        var afterwards = await gate.WaitTurnAsync(Server, log, CancellationToken.None);
        Assert.Equal((clock.UtcNow - started).TotalSeconds, afterwards, 6); // no pacing: sent at once
    }

    [Fact]
    public void The_in_flight_limit_starts_from_the_calls_in_progress_not_from_how_many_attempts_overlapped()
    {
        var (gate, _) = NewGate();
        var log = new RecordingOutput();
        // 32 calls in progress, but answers came back so fast that only 8 attempts were ever on the wire at once.
        for (var i = 0; i < 32; i++) gate.CallStarted();
        var sent = Enumerable.Range(0, 8).Select(_ => gate.EnterUnpaced()).ToList();
        var verdicts = sent.Select(at => gate.Complete(at, throttled: true, OneSecond, MaximumHold, Server, log)).ToList();

        Assert.Equal(ThrottleVerdict.Hold, verdicts.Last());
        Assert.Null(gate.Rate);
        Assert.Equal(32, gate.Concurrency);

        // More calls after engaging raise the limit while nothing has lowered it.
        for (var i = 0; i < 8; i++) gate.CallStarted();
        Assert.Equal(40, gate.Concurrency);
    }

    [Fact]
    public void Once_lowered_the_in_flight_limit_stays_a_lesson_when_more_calls_start()
    {
        var (gate, _) = NewGate();
        var log = new RecordingOutput();
        for (var i = 0; i < 32; i++) gate.CallStarted();
        var sent = Enumerable.Range(0, 32).Select(_ => gate.EnterUnpaced()).ToList();
        sent.Select((at, i) => gate.Complete(at, throttled: i >= 5, i >= 5 ? OneSecond : null, MaximumHold, Server, log)).ToList();
        Assert.Equal(16, gate.Concurrency);

        for (var i = 0; i < 32; i++) gate.CallStarted();

        Assert.Equal(16, gate.Concurrency);
    }

    [Fact]
    public void A_hold_in_a_second_that_admitted_some_sets_the_rate_and_halves_the_in_flight_limit()
    {
        var (gate, _) = NewGate();
        var log = new RecordingOutput();
        var sent = Enumerable.Range(0, 32).Select(_ => gate.EnterUnpaced()).ToList();
        // A token bucket of burst 5: five admitted, then the rest refused.
        var verdicts = sent.Select((at, i) => gate.Complete(at, throttled: i >= 5, i >= 5 ? OneSecond : null, MaximumHold, Server, log)).ToList();

        Assert.Equal(ThrottleVerdict.Hold, verdicts.Last());
        Assert.Equal(5, gate.Rate); // five a second: a burst says nothing about a rate, slow start finds it
        Assert.Equal(16, gate.Concurrency);
    }

    [Fact]
    public async Task The_refusals_a_hold_answered_are_no_evidence_after_it()
    {
        var (gate, _) = NewGate();
        var log = new RecordingOutput();
        var sent = Enumerable.Range(0, 32).Select(_ => gate.EnterUnpaced()).ToList();
        var verdicts = sent.Select((at, i) => gate.Complete(at, throttled: i >= 5, i >= 5 ? OneSecond : null, MaximumHold, Server, log)).ToList();
        Assert.Equal(ThrottleVerdict.Hold, verdicts.Last());

        // After the reopening: four admitted, then one refused. Counted with the 27 refusals before the hold, that
        // was a majority and a second hold; among the answers since, it is one refusal in five: slower, nobody held.
        for (var i = 0; i < 4; i++)
            gate.Complete(await gate.WaitTurnAsync(Server, log, CancellationToken.None), throttled: false, null, MaximumHold, Server, log);
        var refused = await gate.WaitTurnAsync(Server, log, CancellationToken.None);

        Assert.Equal(ThrottleVerdict.Rate, gate.Complete(refused, throttled: true, OneSecond, MaximumHold, Server, log));
        Assert.False(gate.IsClosed);
    }

    [Fact]
    public async Task Once_paced_a_refusal_among_admissions_slows_the_connection_once_per_round_without_holding_anyone()
    {
        var (gate, clock) = NewGate();
        var log = new RecordingOutput();
        var sent = Enumerable.Range(0, 32).Select(_ => gate.EnterUnpaced()).ToList();
        foreach (var (at, i) in sent.Select((at, i) => (at, i))) gate.Complete(at, throttled: i >= 5, i >= 5 ? OneSecond : null, MaximumHold, Server, log);
        // Paced sending, all admitted, for four seconds: slow start climbs.
        for (var i = 0; i < 300 && clock.UtcNow < ClockStart.AddSeconds(5); i++)
            gate.Complete(await gate.WaitTurnAsync(Server, log, CancellationToken.None), throttled: false, null, MaximumHold, Server, log);
        var before = gate.Rate!.Value;

        var first = await gate.WaitTurnAsync(Server, log, CancellationToken.None);
        var second = await gate.WaitTurnAsync(Server, log, CancellationToken.None);
        Assert.Equal(ThrottleVerdict.Rate, gate.Complete(first, throttled: true, OneSecond, MaximumHold, Server, log));
        var after = gate.Rate!.Value;
        Assert.Equal(ThrottleVerdict.Rate, gate.Complete(second, throttled: true, OneSecond, MaximumHold, Server, log));

        Assert.True(after < before, $"{after} should be below {before}");
        Assert.Equal(after, gate.Rate!.Value); // the second refusal was sent before the decrease: same round
        Assert.False(gate.IsClosed);
    }

    [Fact]
    public async Task An_announced_quota_is_never_exceeded_before_its_reset_and_is_spread_over_the_window()
    {
        var (gate, clock) = NewGate();
        var log = new RecordingOutput();
        var first = gate.EnterUnpaced();
        gate.Complete(first, throttled: false, null, MaximumHold, Server, log, announced: new AnnouncedLimit(remaining: 10, resetSeconds: 2, limit: 11, windowSeconds: null));
        Assert.True(gate.IsEngaged);

        var start = clock.UtcNow;
        var sendTimes = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            var at = await gate.WaitTurnAsync(Server, log, CancellationToken.None);
            sendTimes.Add(at);
            gate.Complete(at, throttled: false, null, MaximumHold, Server, log);
        }
        Assert.True(clock.UtcNow - start < TimeSpan.FromSeconds(2), "ten requests fit the quota before the reset");
        Assert.True(sendTimes.Last() - sendTimes.First() >= 1.5, $"spread over the window, not spent at once: {sendTimes.Last() - sendTimes.First():0.00} s");

        // The eleventh waits for the reset.
        await gate.WaitTurnAsync(Server, log, CancellationToken.None);
        Assert.True(clock.UtcNow - start >= TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void The_progress_bar_shows_throttling()
    {
        var (gate, clock) = NewGate();
        var output = new RecordingOutput();
        var progress = new BulkProgress(1, "Cancelling", clock, TimeSpan.FromMilliseconds(500));
        for (var i = 0; i < ThrottleGate.MinimumEvidence; i++) gate.Complete(gate.EnterUnpaced(), throttled: true, TimeSpan.FromSeconds(3), MaximumHold, Server, output);

        progress.Report(output, 10, 4, gate);
        clock.Advance(TimeSpan.FromSeconds(1));
        progress.Report(output, 12, 4, gate);

        var status = Assert.Single(output.Progress).StatusDescription;
        Assert.StartsWith("12 done, 4 in flight; throttled by the server: all requests held back 2.0 s more, then at most 1 request at a time", status);
    }

    private static readonly DateTimeOffset ClockStart = new VirtualClock().UtcNow;

    private static (ThrottleGate Gate, VirtualClock Clock) NewGate()
    {
        var clock = new VirtualClock();
        return (new ThrottleGate { Clock = clock }, clock);
    }
}
