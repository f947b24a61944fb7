using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Engine;
using OperationsModule.Core.Http.Throttling;
using OperationsModule.Core.Tests.Infrastructure;
using Xunit;

namespace OperationsModule.Core.Tests.Throttling;

/// <summary>The gate on its own, on a virtual clock: what a throttle does to every other request.</summary>
public sealed class ThrottleGateTests
{
    private static readonly Uri Server = new Uri("http://127.0.0.1:5000/rest/x");
    private static readonly TimeSpan MaximumHold = TimeSpan.FromSeconds(60);

    [Fact]
    public void Until_the_server_throttles_requests_pass_unpaced_and_unlimited()
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
    public async Task A_retry_after_holds_back_every_request_until_then_and_verbose_says_so()
    {
        var (gate, clock) = NewGate();
        var log = new RecordingOutput();
        var started = clock.UtcNow;
        var sent = Enumerable.Range(0, 8).Select(_ => gate.EnterUnpaced()).ToList();

        gate.Complete(sent[0], throttled: true, TimeSpan.FromSeconds(2), MaximumHold, Server, log);
        Assert.True(gate.IsClosed);
        Assert.Contains("throttled by the server: all requests held back 2.0 s more", gate.Describe());
        // Requests already in flight finish normally.
        foreach (var at in sent.Skip(1)) gate.Complete(at, throttled: false, null, MaximumHold, Server, log);

        // Any request sent now, not only the refused one, waits for the Retry-After.
        var waits = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => gate.WaitTurnAsync(Server, log, CancellationToken.None)));
        Assert.All(waits, _ => Assert.True(clock.UtcNow - started >= TimeSpan.FromSeconds(2)));
        Assert.False(gate.IsClosed);

        var lines = log.Verbose.ToList();
        Assert.Contains(lines, l => l.StartsWith("127.0.0.1:5000: the server throttled and asked to wait 2 s: holding back every request to it until then; at most 4 requests at a time", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("127.0.0.1:5000: sending again after holding requests back 2.0 s; at most", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_a_throttle_no_more_requests_are_in_flight_than_the_window_allows()
    {
        var (gate, _) = NewGate();
        var log = new RecordingOutput();
        var sent = Enumerable.Range(0, 16).Select(_ => gate.EnterUnpaced()).ToList();
        gate.Complete(sent[0], throttled: true, retryAfter: null, MaximumHold, Server, log);
        foreach (var at in sent.Skip(1)) gate.Complete(at, throttled: null, null, MaximumHold, Server, log); // no answer: no growth
        Assert.Equal(8, gate.Concurrency);

        var admitted = Enumerable.Range(0, 8).Select(_ => gate.WaitTurnAsync(Server, log, CancellationToken.None)).ToList();
        var ninth = gate.WaitTurnAsync(Server, log, CancellationToken.None);
        await Task.WhenAll(admitted);
        Assert.Equal(8, gate.InFlight);
        Assert.False(ninth.IsCompleted);

        // One answer frees one place (and, being a success, grows the window a little).
        gate.Complete(await admitted[0], throttled: false, null, MaximumHold, Server, log);
        await ninth.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(8, gate.InFlight);
    }

    [Fact]
    public async Task Paced_requests_leave_at_the_adapted_rate()
    {
        var (gate, clock) = NewGate();
        var log = new RecordingOutput();
        gate.Complete(gate.EnterUnpaced(), throttled: true, retryAfter: TimeSpan.FromSeconds(1), MaximumHold, Server, log);
        var rate = gate.Rate!.Value;
        var first = await gate.WaitTurnAsync(Server, log, CancellationToken.None);
        gate.Complete(first, throttled: false, null, MaximumHold, Server, log);
        var second = await gate.WaitTurnAsync(Server, log, CancellationToken.None);

        Assert.True(second - first >= 1 / rate - 1e-9, $"{second - first} s apart at {rate}/s");
    }

    [Fact]
    public void A_refusal_is_forgiven_only_if_another_request_got_through_since_the_previous_one()
    {
        var (gate, _) = NewGate();
        var log = new RecordingOutput();
        long? seen = null;
        gate.Complete(gate.EnterUnpaced(), throttled: true, TimeSpan.FromSeconds(1), MaximumHold, Server, log);
        Assert.False(gate.OthersGotThrough(ref seen)); // the server never admitted anything

        gate.Complete(gate.EnterUnpaced(), throttled: false, null, MaximumHold, Server, log);
        Assert.True(gate.OthersGotThrough(ref seen));
        Assert.False(gate.OthersGotThrough(ref seen)); // refused again, nobody admitted meanwhile

        gate.Complete(gate.EnterUnpaced(), throttled: false, null, MaximumHold, Server, log);
        Assert.True(gate.OthersGotThrough(ref seen));
        Assert.Equal(2, gate.Admissions);
    }

    [Fact]
    public void The_progress_bar_shows_throttling()
    {
        var (gate, clock) = NewGate();
        var output = new RecordingOutput();
        var progress = new BulkProgress(1, "Cancelling", clock, TimeSpan.FromMilliseconds(500));
        gate.Complete(gate.EnterUnpaced(), throttled: true, TimeSpan.FromSeconds(3), MaximumHold, Server, output);

        progress.Report(output, 10, 4, gate);
        clock.Advance(TimeSpan.FromSeconds(1));
        progress.Report(output, 12, 4, gate);

        var status = Assert.Single(output.Progress).StatusDescription;
        Assert.StartsWith("12 done, 4 in flight; throttled by the server: all requests held back 2.0 s more, then at most 1 requests at a time", status);
    }

    private static (ThrottleGate Gate, VirtualClock Clock) NewGate()
    {
        var clock = new VirtualClock();
        return (new ThrottleGate { Clock = clock }, clock);
    }
}
