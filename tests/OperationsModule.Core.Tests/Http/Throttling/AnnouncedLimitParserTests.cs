using System;
using System.Collections.Generic;
using System.Globalization;
using OperationsModule.Core.Http.Throttling;
using Xunit;

namespace OperationsModule.Core.Tests.Http.Throttling;

/// <summary>The three conventions of announced limits, epoch against delta resets, and nonsense ignored, never thrown.</summary>
public sealed class AnnouncedLimitParserTests
{
    private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 12, 4, 19, 0, 0, TimeSpan.Zero);

    private static AnnouncedLimit? Parse(params (string Name, string Value)[] headers)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers) map[name] = value;
        return AnnouncedLimitParser.Parse(n => map.TryGetValue(n, out var v) ? v : null, Now);
    }

    private static string Epoch(double secondsFromNow) => (Now.ToUnixTimeSeconds() + (long)secondsFromNow).ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void GitHub_headers_give_the_reset_as_a_unix_time()
    {
        var limit = Parse(("X-RateLimit-Limit", "5000"), ("X-RateLimit-Remaining", "4999"), ("X-RateLimit-Reset", Epoch(30)));

        Assert.Equal((4999L, 30.0, (long?)5000), (limit!.Value.Remaining, limit.Value.ResetSeconds, limit.Value.Limit));
    }

    [Fact]
    public void Draft_headers_give_the_reset_in_seconds_and_may_append_policies_to_the_limit()
    {
        var limit = Parse(("RateLimit-Limit", "100, 100;w=60"), ("RateLimit-Remaining", "42"), ("RateLimit-Reset", "7"));

        Assert.Equal((42L, 7.0, (long?)100), (limit!.Value.Remaining, limit.Value.ResetSeconds, limit.Value.Limit));
    }

    [Fact]
    public void A_reset_is_told_apart_by_its_size_whatever_the_convention_claims()
    {
        // An X- header with delta seconds, a draft header with a Unix time: both happen in the wild.
        Assert.Equal(12.0, Parse(("X-RateLimit-Remaining", "3"), ("X-RateLimit-Reset", "12"))!.Value.ResetSeconds);
        Assert.Equal(45.0, Parse(("RateLimit-Remaining", "3"), ("RateLimit-Reset", Epoch(45)))!.Value.ResetSeconds);
        // A Unix time a few seconds past is clock skew: the window is over now.
        Assert.Equal(0.0, Parse(("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", Epoch(-5)))!.Value.ResetSeconds);
    }

    [Fact]
    public void Structured_fields_take_the_remaining_quota_from_RateLimit_and_the_quota_and_window_from_its_policy()
    {
        var limit = Parse(("RateLimit-Policy", "\"burst\";q=10;w=1, \"window\";q=100;w=60"), ("RateLimit", "\"window\";r=50;t=30"));

        Assert.Equal((50L, 30.0, (long?)100, (double?)60), (limit!.Value.Remaining, limit.Value.ResetSeconds, limit.Value.Limit, limit.Value.WindowSeconds));
        // Draft -07's dictionary form.
        Assert.Equal(1L, Parse(("RateLimit", "limit=10, remaining=1, reset=7"))!.Value.Remaining);
    }

    [Fact]
    public void The_newest_convention_wins_when_several_are_present()
    {
        var limit = Parse(("RateLimit", "\"p\";r=5;t=2"), ("RateLimit-Remaining", "50"), ("RateLimit-Reset", "2"), ("X-RateLimit-Remaining", "500"), ("X-RateLimit-Reset", "2"));
        Assert.Equal(5L, limit!.Value.Remaining);
        Assert.Equal(50L, Parse(("RateLimit-Remaining", "50"), ("RateLimit-Reset", "2"), ("X-RateLimit-Remaining", "500"), ("X-RateLimit-Reset", "2"))!.Value.Remaining);
    }

    [Theory]
    [InlineData("X-RateLimit-Remaining", "-5", "X-RateLimit-Reset", "10")] // negative
    [InlineData("X-RateLimit-Remaining", "1.5e3", "X-RateLimit-Reset", "10")] // not a whole number
    [InlineData("X-RateLimit-Remaining", "abc", "X-RateLimit-Reset", "soon")]
    [InlineData("RateLimit-Remaining", "5", "RateLimit-Reset", "-30")] // a reset in the past
    [InlineData("RateLimit-Remaining", "0", "RateLimit-Reset", "31536000000")] // a reset 1000 years away
    [InlineData("RateLimit-Remaining", "0", "RateLimit-Reset", "172800")] // two days: beyond any window we spread over
    [InlineData("RateLimit-Remaining", "5", "X-RateLimit-Reset", "10")] // half of one convention, half of another
    [InlineData("RateLimit-Remaining", "99999999999999999999999", "RateLimit-Reset", "1")] // overflow
    [InlineData("RateLimit", "\"x\";r=-1;t=99999999999", "RateLimit-Policy", "\"x\";q=0;w=0")]
    [InlineData("RateLimit", "\"other\";r=0;t=86400", "RateLimit-Policy", "\"day\";q=1;w=86400")] // a policy nobody declared
    [InlineData("RateLimit", "\"p\";r=50;t=30", "RateLimit-Policy", "\"p\";q=10;w=60")] // more left than the quota
    [InlineData("RateLimit", "\"p\";r=5;t=90", "RateLimit-Policy", "\"p\";q=10;w=60")] // a reset beyond the window
    public void Nonsense_makes_the_answer_carry_no_quota(string name1, string value1, string name2, string value2)
    {
        Assert.Null(Parse((name1, value1), (name2, value2)));
    }

    [Fact]
    public void A_limit_below_what_remains_is_a_contradiction()
    {
        Assert.Null(Parse(("RateLimit-Limit", "10"), ("RateLimit-Remaining", "1000000"), ("RateLimit-Reset", "5")));
        Assert.Null(Parse(("X-RateLimit-Limit", "0"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "5")));
    }

    [Fact]
    public void A_reset_years_away_as_a_unix_time_or_an_hour_past_is_ignored()
    {
        Assert.Null(Parse(("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", Epoch(10 * 365 * 86400.0))));
        Assert.Null(Parse(("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", Epoch(-3600))));
    }

    [Fact]
    public void No_headers_no_quota_and_garbage_never_throws()
    {
        Assert.Null(Parse());
        var garbage = new[] { "", " ", ";", ",,,", "\"", "=;=", "r=", ";r=1;t=", "\"a\";r=1;t=1;;;", "\u0000", new string('9', 400) };
        foreach (var g in garbage)
        {
            Parse(("RateLimit", g), ("RateLimit-Policy", g));
            Parse(("RateLimit-Remaining", g), ("RateLimit-Reset", g), ("RateLimit-Limit", g));
        }
    }
}
