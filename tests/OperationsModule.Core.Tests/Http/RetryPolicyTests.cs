using System;
using OperationsModule.Core.Http;
using Xunit;

namespace OperationsModule.Core.Tests.Http;

public sealed class RetryPolicyTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Theory]
    [InlineData(1, 0.0, 500)]
    [InlineData(1, 1.0, 1000)]
    [InlineData(2, 0.0, 1000)]
    [InlineData(2, 1.0, 2000)]
    [InlineData(3, 0.5, 3000)]
    [InlineData(4, 1.0, 8000)]
    public void Backoff_doubles_per_retry_with_jitter_in_the_upper_half(int retry, double jitter, double expectedMs)
    {
        Assert.Equal(expectedMs, RetryPolicy.Delay(retry, Second, Minute, null, jitter).TotalMilliseconds, 3);
    }

    [Fact]
    public void Jitter_spreads_the_wait_across_the_window()
    {
        var low = RetryPolicy.Delay(3, Second, Minute, null, 0.1);
        var high = RetryPolicy.Delay(3, Second, Minute, null, 0.9);
        Assert.True(low < high, $"{low} should be shorter than {high}");
        Assert.InRange(low.TotalMilliseconds, 2000, 4000);
        Assert.InRange(high.TotalMilliseconds, 2000, 4000);
    }

    [Fact]
    public void Retry_after_wins_when_longer_than_the_backoff()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), RetryPolicy.Delay(1, Second, Minute, TimeSpan.FromSeconds(7), 0.5));
    }

    [Fact]
    public void Backoff_wins_when_retry_after_is_shorter()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(4000), RetryPolicy.Delay(3, Second, Minute, TimeSpan.FromSeconds(1), 1.0));
    }

    [Fact]
    public void Retry_after_and_backoff_are_both_capped()
    {
        var cap = TimeSpan.FromSeconds(5);
        Assert.Equal(cap, RetryPolicy.Delay(1, Second, cap, TimeSpan.FromHours(2), 0.0));
        Assert.Equal(cap, RetryPolicy.Delay(30, Second, cap, null, 1.0));
        Assert.Equal(cap, RetryPolicy.Delay(int.MaxValue, Second, cap, null, 1.0));
    }

    [Fact]
    public void A_zero_interval_retries_at_once_unless_the_server_asks_otherwise()
    {
        Assert.Equal(TimeSpan.Zero, RetryPolicy.Delay(3, TimeSpan.Zero, Minute, null, 0.7));
        Assert.Equal(TimeSpan.FromSeconds(2), RetryPolicy.Delay(3, TimeSpan.Zero, Minute, TimeSpan.FromSeconds(2), 0.7));
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(-1, 0.5)]
    [InlineData(1, -0.1)]
    [InlineData(1, 1.5)]
    [InlineData(1, double.NaN)]
    public void Nonsense_arguments_are_refused(int retry, double jitter)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RetryPolicy.Delay(retry, Second, Minute, null, jitter));
    }

    [Theory]
    [InlineData(408, false, true)]
    [InlineData(429, false, true)]
    [InlineData(502, false, true)]
    [InlineData(503, false, true)]
    [InlineData(504, false, true)]
    [InlineData(500, false, false)]
    [InlineData(404, false, false)]
    [InlineData(409, false, false)]
    [InlineData(401, false, false)]
    [InlineData(429, true, true)]
    [InlineData(503, true, false)]
    [InlineData(502, true, false)]
    [InlineData(504, true, false)]
    [InlineData(408, true, false)]
    public void Only_transient_statuses_are_retried_and_submissions_only_on_429(int status, bool mayCreateWork, bool expected)
    {
        Assert.Equal(expected, RetryPolicy.IsRetryableStatus(status, mayCreateWork));
    }
}
