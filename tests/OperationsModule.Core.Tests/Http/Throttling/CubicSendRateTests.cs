using System;
using OperationsModule.Core.Http.Throttling;
using Xunit;

namespace OperationsModule.Core.Tests.Http.Throttling;

/// <summary>The send rate's curve, on explicit virtual times (seconds): no HTTP, no clock.</summary>
public sealed class CubicSendRateTests
{
    [Fact]
    public void Unlimited_until_a_hold_then_starts_from_what_the_server_admitted()
    {
        var rate = new CubicSendRate();
        rate.OnAdmitted(0.1, 0.0);
        Assert.Null(rate.Rate);
        // A refusal while unlimited is never a rate signal on its own: only a hold sets the first rate.
        Assert.False(rate.OnThrottled(0.15, double.NegativeInfinity));

        Assert.True(rate.OnHold(now: 0.2, sentAt: double.NegativeInfinity, reopenAt: 1.2, admittedPerSecond: 40));

        Assert.Equal(40, rate.Rate);
        Assert.True(rate.InSlowStart);
        Assert.Null(rate.RecoveryTarget); // nothing limited it before: slow start is unbounded
    }

    [Fact]
    public void Slow_start_grows_per_admission_after_the_hold_then_halves_at_the_next_refusal()
    {
        var rate = new CubicSendRate();
        rate.OnHold(0, double.NegativeInfinity, reopenAt: 1, admittedPerSecond: 10);

        rate.OnAdmitted(now: 0.5, sentAt: 0.4);
        Assert.Equal(10, rate.Rate); // still held back: no growth during the hold
        // No limit known yet: ln2 / 0.125 s per admission, so r admissions a second double it every eighth of a second.
        for (var i = 0; i < 10; i++) rate.OnAdmitted(now: 1.5, sentAt: 1.5);
        var grown = 10 + 10 * Math.Log(2) / CubicSendRate.DiscoveryDoublingSeconds;
        Assert.Equal(grown, rate.Rate!.Value, 6);

        Assert.True(rate.OnThrottled(now: 1.5, sentAt: 1.5));
        Assert.False(rate.InSlowStart);
        Assert.Equal(grown * CubicSendRate.SlowStartExit, rate.Rate!.Value, 6);
    }

    [Fact]
    public void Refusals_of_requests_sent_before_the_last_decrease_are_one_round_and_decrease_once()
    {
        var rate = new CubicSendRate();
        rate.OnHold(0, double.NegativeInfinity, 1, 100);
        rate.OnThrottled(2, 1.5);
        var afterDecrease = rate.Rate;
        Assert.NotEqual(100, afterDecrease);

        Assert.False(rate.OnThrottled(now: 3.01, sentAt: 1.9));
        Assert.False(rate.OnThrottled(now: 3.02, sentAt: double.NegativeInfinity));
        Assert.Equal(afterDecrease, rate.Rate);
    }

    [Fact]
    public void Congestion_avoidance_backs_off_from_the_rate_that_met_the_refusal_and_levels_out_around_it()
    {
        var rate = new CubicSendRate();
        rate.OnHold(0, double.NegativeInfinity, 1, 100);
        rate.OnThrottled(1.1, 1.05); // leaves slow start
        for (var i = 0; i < 500; i++) rate.OnAdmitted(2 + i * 0.02, 2 + i * 0.02);
        var sending = rate.Rate!.Value;
        Assert.True(sending > 50, $"the curve should have climbed past 50/s by now, is at {sending}");

        Assert.True(rate.OnThrottled(now: 12, sentAt: 11.9));
        Assert.Equal(sending * CubicSendRate.Beta, rate.Rate!.Value, 6);

        var k = Math.Pow((1 - CubicSendRate.Beta) / CubicSendRate.CubicC, 1.0 / 3);
        rate.OnAdmitted(now: 12 + k, sentAt: 12 + k);
        Assert.Equal(sending, rate.Rate!.Value, 6); // the plateau: back at that rate after K seconds
        rate.OnAdmitted(now: 12 + k + 1, sentAt: 12 + k + 1);
        Assert.InRange(rate.Rate!.Value, sending, sending * 1.01); // and only creeping past it
    }

    [Fact]
    public void Refusals_that_keep_coming_whatever_the_rate_lower_it_at_most_once_a_round()
    {
        var rate = new CubicSendRate();
        rate.OnHold(0, double.NegativeInfinity, 1, 100);
        rate.OnThrottled(1.5, 1.4);
        var afterExit = rate.Rate!.Value;
        // One refusal every 20 ms, each sent after the previous decrease, for one round.
        var decreases = 0;
        var roundEnds = 1.5 + CubicSendRate.MinimumRoundSeconds;
        for (var t = 1.52; t < roundEnds - 0.01; t += 0.02)
            if (rate.OnThrottled(t, t - 0.001)) decreases++;

        Assert.Equal(0, decreases);
        Assert.True(rate.OnThrottled(roundEnds + 0.01, roundEnds));
        Assert.Equal(afterExit * CubicSendRate.Beta, rate.Rate!.Value, 6);
    }

    [Fact]
    public void After_a_hold_slow_start_returns_to_the_best_rate_before_it_within_two_seconds_then_probes_upwards()
    {
        var rate = new CubicSendRate();
        rate.OnHold(0, double.NegativeInfinity, 1, 200);
        // Leaves slow start at 200/s: half of it, then the curve's plateau at 200/s K seconds later.
        rate.OnThrottled(1.5, 1.4);
        var k = Math.Pow((1 - CubicSendRate.SlowStartExit) / CubicSendRate.CubicC, 1.0 / 3);
        rate.OnAdmitted(1.5 + k, 1.5 + k);
        Assert.Equal(200, rate.Rate!.Value, 6);

        // Most requests refused for a second in which the server admitted only 5: the rate drops, the best is remembered.
        var heldAt = 1.5 + k + 0.1;
        Assert.True(rate.OnHold(heldAt, heldAt, reopenAt: heldAt + 1, admittedPerSecond: 5));
        Assert.Equal(5, rate.Rate);
        Assert.Equal(200, rate.RecoveryTarget);

        // A limit is known now: the way back doubles every quarter second, not every eighth as when none was.
        var t = heldAt + 1.01;
        rate.OnAdmitted(t, t);
        Assert.Equal(5 + Math.Log(2) / CubicSendRate.SlowStartDoublingSeconds, rate.Rate!.Value, 6);

        // From the reopening on, every request at the current rate is admitted: back at 200/s within 2 s.
        while (rate.Rate < 200 && t < heldAt + 10)
        {
            t += 1 / rate.Rate!.Value;
            rate.OnAdmitted(t, t);
        }
        Assert.True(t - (heldAt + 1) <= 2, $"took {t - heldAt - 1:0.00} s to return to 200/s");
        Assert.False(rate.InSlowStart);
        rate.OnAdmitted(t + 5, t + 5);
        Assert.True(rate.Rate > 200, "after returning it probes upwards");
    }

    [Fact]
    public void Never_slower_than_the_floor()
    {
        var rate = new CubicSendRate();
        rate.OnHold(0, double.NegativeInfinity, 1, 0);
        for (var t = 2; t < 80; t += 2) rate.OnThrottled(t, t);

        Assert.True(rate.Rate >= CubicSendRate.MinimumRate);
    }
}
