using System;
using OperationsModule.Core.Http;
using Xunit;

namespace OperationsModule.Core.Tests.Http;

public sealed class RetryAfterParserTests
{
    private static readonly DateTimeOffset Now = new DateTimeOffset(2015, 10, 21, 7, 28, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0", 0)]
    [InlineData("1", 1)]
    [InlineData(" 120 ", 120)]
    [InlineData("86400", 86400)]
    public void Delta_seconds(string value, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryAfterParser.Parse(value, Now));
    }

    [Fact]
    public void Huge_delta_seconds_do_not_overflow()
    {
        Assert.Equal(TimeSpan.FromSeconds(int.MaxValue), RetryAfterParser.Parse("99999999999999", Now));
    }

    [Theory]
    [InlineData("Wed, 21 Oct 2015 07:28:30 GMT", 30)]       // IMF-fixdate
    [InlineData("Wednesday, 21-Oct-15 07:29:00 GMT", 60)]   // obsolete RFC 850
    [InlineData("Wed Oct 21 07:30:00 2015", 120)]           // obsolete asctime
    public void Http_dates_in_every_form_recipients_must_accept(string value, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryAfterParser.Parse(value, Now));
    }

    [Fact]
    public void Asctime_with_a_padded_single_digit_day()
    {
        var now = new DateTimeOffset(1994, 11, 6, 8, 49, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromSeconds(37), RetryAfterParser.Parse("Sun Nov  6 08:49:37 1994", now));
    }

    [Fact]
    public void A_date_in_the_past_means_retry_now()
    {
        Assert.Equal(TimeSpan.Zero, RetryAfterParser.Parse("Wed, 21 Oct 2015 07:00:00 GMT", Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("soon")]
    [InlineData("10 seconds")]
    [InlineData("2015-10-21T07:28:30Z")]
    public void Anything_else_is_ignored(string? value)
    {
        Assert.Null(RetryAfterParser.Parse(value, Now));
    }
}
