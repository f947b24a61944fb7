using System;
using OperationsModule.Core.Http.Throttling;
using Xunit;

namespace OperationsModule.Core.Tests.Throttling;

/// <summary>The send rate's curve, on explicit virtual times (seconds): no HTTP, no clock.</summary>
public sealed class CubicSendRateTests
{
    [Fact]
    public void Unlimited_until_the_first_throttle_then_starts_from_what_the_server_admitted()
    {
        var rate = new CubicSendRate();
        rate.OnAdmitted(0.1, 0.0);
        Assert.Null(rate.Rate);

        Assert.True(rate.OnThrottled(now: 0.2, sentAt: double.NegativeInfinity, reopenAt: 1.2, admittedLastSecond: 40));

        Assert.Equal(40, rate.Rate);
        Assert.True(rate.InSlowStart);
    }

    [Fact]
    public void Slow_start_grows_per_admission_after_the_hold_then_halves_at_the_next_throttle()
    {
        var rate = new CubicSendRate();
        rate.OnThrottled(0, double.NegativeInfinity, reopenAt: 1, admittedLastSecond: 10);

        rate.OnAdmitted(now: 0.5, sentAt: 0.4);
        Assert.Equal(10, rate.Rate); // still held back: no growth during the hold
        // ln2 / 0.25 s per admission: at rate r, r admissions a second double it every quarter second.
        for (var i = 0; i < 10; i++) rate.OnAdmitted(now: 1.5, sentAt: 1.5);
        var grown = 10 + 10 * Math.Log(2) / CubicSendRate.SlowStartDoublingSeconds;
        Assert.Equal(grown, rate.Rate!.Value, 6);

        Assert.True(rate.OnThrottled(now: 1.5, sentAt: 1.5, reopenAt: 2.5, admittedLastSecond: 0));
        Assert.False(rate.InSlowStart);
        Assert.Equal(grown * CubicSendRate.SlowStartExit, rate.Rate!.Value, 6);
    }

    [Fact]
    public void Refusals_of_requests_sent_before_the_last_decrease_are_one_round_and_decrease_once()
    {
        var rate = new CubicSendRate();
        rate.OnThrottled(0, double.NegativeInfinity, 1, 100);
        rate.OnThrottled(2, 1.5, 3, 0);
        var afterDecrease = rate.Rate;

        Assert.False(rate.OnThrottled(now: 2.01, sentAt: 1.9, reopenAt: 3.01, admittedLastSecond: 0));
        Assert.False(rate.OnThrottled(now: 2.02, sentAt: double.NegativeInfinity, reopenAt: 3.02, admittedLastSecond: 0));
        Assert.Equal(afterDecrease, rate.Rate);
    }

    [Fact]
    public void Congestion_avoidance_backs_off_from_the_admitted_rate_and_levels_out_around_it()
    {
        var rate = new CubicSendRate();
        rate.OnThrottled(0, double.NegativeInfinity, 1, 100);
        rate.OnThrottled(1.1, 1.05, 2, 0); // leaves slow start
        // From the reopen at 2 s to the throttle at 12 s the server admitted 500 requests: 50/s.
        for (var i = 0; i < 500; i++) rate.OnAdmitted(2 + i * 0.02, 2 + i * 0.02);
        var sending = rate.Rate!.Value;
        Assert.True(sending > 50, $"the curve should have climbed past the server's 50/s by now, is at {sending}");

        Assert.True(rate.OnThrottled(now: 12, sentAt: 11.9, reopenAt: 13, admittedLastSecond: 0));
        Assert.Equal(50 * CubicSendRate.Beta, rate.Rate!.Value, 6);

        var k = Math.Pow((1 - CubicSendRate.Beta) / CubicSendRate.CubicC, 1.0 / 3);
        rate.OnAdmitted(now: 13 + k, sentAt: 13 + k);
        Assert.Equal(50, rate.Rate!.Value, 6); // the plateau: back at the admitted rate after K seconds
        rate.OnAdmitted(now: 13 + k + 1, sentAt: 13 + k + 1);
        Assert.InRange(rate.Rate!.Value, 50, 51); // and only creeping past it
    }

    [Fact]
    public void Never_slower_than_the_floor()
    {
        var rate = new CubicSendRate();
        rate.OnThrottled(0, double.NegativeInfinity, 1, 0);
        for (var t = 2; t < 40; t += 2) rate.OnThrottled(t, t, t + 1, 0);

        Assert.True(rate.Rate >= CubicSendRate.MinimumRate);
    }
}
