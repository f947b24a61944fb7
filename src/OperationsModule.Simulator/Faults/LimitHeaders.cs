using System;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace OperationsModule.Simulator;

/// <summary>Which rate-limit headers a limiter puts on every answer, admitted or refused.</summary>
public enum LimitHeaderStyle
{
    /// <summary>No limit headers (only Retry-After on refusals).</summary>
    None,

    /// <summary>GitHub's <c>X-RateLimit-Limit/-Remaining/-Reset</c> (+ <c>-Used</c>); Reset is Unix epoch seconds.</summary>
    GitHub,

    /// <summary>The IETF httpapi drafts up to -06: <c>RateLimit-Limit/-Remaining/-Reset</c>; Reset is delta seconds.</summary>
    Draft,

    /// <summary>The IETF httpapi drafts -07 and later: <c>RateLimit-Policy: "name";q=100;w=2</c> and <c>RateLimit: "name";r=42;t=1</c>.</summary>
    Structured,

    /// <summary>All three conventions, with values that contradict each other and the limiter (negative, huge, non-numeric, in the past).</summary>
    Lying,
}

/// <summary>What a limiter knows at one answer: its quota, what is left of it, and when it is whole again.</summary>
internal readonly record struct LimitSnapshot(string Policy, long Limit, long Remaining, TimeSpan ResetAfter, TimeSpan Window);

/// <summary>Writes a <see cref="LimitSnapshot"/> in one <see cref="LimitHeaderStyle"/>. Reset values are whole seconds, rounded up.</summary>
internal static class LimitHeaderWriter
{
    public static LimitHeaderStyle Parse(string? text) =>
        text is null ? LimitHeaderStyle.None
        : Enum.TryParse<LimitHeaderStyle>(text, ignoreCase: true, out var style) && Enum.IsDefined(style) ? style
        : throw new ArgumentException($"'headers' must be none, github, draft, structured or lying, not '{text}'.");

    /// <param name="sequence">The limiter's answer count, from 1: picks which lie a <see cref="LimitHeaderStyle.Lying"/> answer tells (the first tells the first).</param>
    public static void Write(IHeaderDictionary headers, LimitHeaderStyle style, LimitSnapshot s, DateTimeOffset now, long sequence)
    {
        var delta = WholeSeconds(s.ResetAfter);
        switch (style)
        {
            case LimitHeaderStyle.GitHub:
                headers["X-RateLimit-Limit"] = Text(s.Limit);
                headers["X-RateLimit-Remaining"] = Text(s.Remaining);
                headers["X-RateLimit-Used"] = Text(s.Limit - s.Remaining);
                headers["X-RateLimit-Reset"] = Text(EpochSeconds(now + s.ResetAfter));
                break;
            case LimitHeaderStyle.Draft:
                headers["RateLimit-Limit"] = Text(s.Limit);
                headers["RateLimit-Remaining"] = Text(s.Remaining);
                headers["RateLimit-Reset"] = Text(delta);
                break;
            case LimitHeaderStyle.Structured:
                headers["RateLimit-Policy"] = $"\"{s.Policy}\";q={Text(s.Limit)};w={Text(Math.Max(1, WholeSeconds(s.Window)))}";
                headers["RateLimit"] = $"\"{s.Policy}\";r={Text(s.Remaining)};t={Text(delta)}";
                break;
            case LimitHeaderStyle.Lying:
                Lie(headers, now, sequence);
                break;
        }
    }

    /// <summary>
    /// Four kinds of lie in turn. Each, if believed, would stall a client (nothing left, a reset hours or years
    /// away) or make it flood the server (a quota far above the real one); none says what the limiter does.
    /// </summary>
    private static void Lie(IHeaderDictionary headers, DateTimeOffset now, long sequence)
    {
        switch ((sequence - 1) % 4)
        {
            case 0: // negative and contradictory: more used than the limit, a reset in 1970
                headers["X-RateLimit-Limit"] = "0";
                headers["X-RateLimit-Remaining"] = "-5";
                headers["X-RateLimit-Reset"] = "1";
                headers["RateLimit-Limit"] = "10";
                headers["RateLimit-Remaining"] = "1000000";
                headers["RateLimit-Reset"] = "-30";
                break;
            case 1: // huge: nothing left until years from now
                headers["X-RateLimit-Limit"] = "5000";
                headers["X-RateLimit-Remaining"] = "0";
                headers["X-RateLimit-Reset"] = Text(EpochSeconds(now.AddYears(10)));
                headers["RateLimit-Limit"] = "5000";
                headers["RateLimit-Remaining"] = "0";
                headers["RateLimit-Reset"] = "31536000000";
                break;
            case 2: // not numbers at all
                headers["X-RateLimit-Limit"] = "abc";
                headers["X-RateLimit-Remaining"] = "1.5e3";
                headers["X-RateLimit-Reset"] = "soon";
                headers["RateLimit-Policy"] = "\"x\";q=0;w=0";
                headers["RateLimit"] = "\"x\";r=-1;t=99999999999";
                break;
            default: // each convention contradicts the others; the structured one names an undeclared policy
                headers["X-RateLimit-Limit"] = "100";
                headers["X-RateLimit-Remaining"] = "0";
                headers["X-RateLimit-Reset"] = Text(EpochSeconds(now.AddHours(-1)));
                headers["RateLimit-Limit"] = "1000000";
                headers["RateLimit-Remaining"] = "999999";
                headers["RateLimit-Reset"] = "86400";
                headers["RateLimit-Policy"] = "\"day\";q=1;w=86400";
                headers["RateLimit"] = "\"other\";r=0;t=86400";
                break;
        }
    }

    private static long WholeSeconds(TimeSpan span) => Math.Max(0, (long)Math.Ceiling(span.TotalSeconds));

    private static long EpochSeconds(DateTimeOffset at) => (long)Math.Ceiling(at.ToUnixTimeMilliseconds() / 1000.0);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
