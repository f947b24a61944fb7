using System;
using System.Threading;
using OperationsModule.Core.Engine;
using OperationsModule.Core.Tests.Infrastructure;
using Xunit;

namespace OperationsModule.Core.Tests.Engine;

public sealed class WaitDeadlineTests
{
    [Fact]
    public void Pauses_the_interval_then_what_is_left_then_ends()
    {
        var clock = new FakeWaitClock();
        var deadline = new WaitDeadline(clock, TimeSpan.FromSeconds(25));

        Assert.Equal(TimeSpan.FromSeconds(10), Pause(deadline, clock, 10));
        Assert.Equal(TimeSpan.FromSeconds(10), Pause(deadline, clock, 10));
        Assert.Equal(TimeSpan.FromSeconds(5), Pause(deadline, clock, 10));
        Assert.Null(deadline.NextPause(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void A_pause_that_ended_early_still_ends_the_wait_at_the_deadline()
    {
        var clock = new FakeWaitClock { FiresEarlyBy = TimeSpan.FromMilliseconds(0.5) };
        var deadline = new WaitDeadline(clock, TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromSeconds(1), Pause(deadline, clock, 1));
        Assert.Equal(TimeSpan.FromSeconds(1.0005), Pause(deadline, clock, 2));

        // Half a millisecond short of the deadline on the clock, but the last pause was to it.
        Assert.True(clock.UtcNow < new FakeWaitClock().UtcNow + TimeSpan.FromSeconds(2));
        Assert.Null(deadline.NextPause(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void A_pause_exactly_as_long_as_what_is_left_is_the_last()
    {
        var clock = new FakeWaitClock();
        var deadline = new WaitDeadline(clock, TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromSeconds(2), Pause(deadline, clock, 2));
        Assert.Null(deadline.NextPause(TimeSpan.FromSeconds(2)));
    }

    private static TimeSpan? Pause(WaitDeadline deadline, FakeWaitClock clock, double intervalSeconds)
    {
        var pause = deadline.NextPause(TimeSpan.FromSeconds(intervalSeconds));
        if (pause is { } p) clock.Delay(p, CancellationToken.None).GetAwaiter().GetResult();
        return pause;
    }
}
