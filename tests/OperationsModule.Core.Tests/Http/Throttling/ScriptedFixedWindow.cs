using System;
using System.Collections.Generic;
using System.Globalization;

namespace OperationsModule.Core.Tests.Http.Throttling;

/// <summary>Which limit headers <see cref="ScriptedFixedWindow"/> writes on every answer.</summary>
public enum QuotaHeaders
{
    /// <summary>GitHub's X-RateLimit-*: the reset is the window's end as a Unix epoch second, rounded up.</summary>
    GitHub,

    /// <summary>The IETF draft's RateLimit-Limit/-Remaining/-Reset: the reset in delta seconds, rounded up.</summary>
    Draft,

    /// <summary>RateLimit-Policy ("q", "w") + RateLimit ("r", "t"): delta seconds, rounded up.</summary>
    Structured,
}

/// <summary>
/// A fixed-window limiter scripted on virtual time, as the simulator's and most APIs' are: at most <c>limit</c>
/// requests per window of <c>window</c> seconds, windows back to back from the first request; every answer (admitted
/// or refused) carries the quota in one <see cref="QuotaHeaders"/> convention, resets rounded up to whole seconds as
/// real servers send them; a refusal says Retry-After to the window's end.
/// </summary>
internal sealed class ScriptedFixedWindow
{
    private readonly int _limit;
    private readonly double _window;
    private readonly QuotaHeaders _headers;
    private readonly DateTimeOffset _epochOrigin;
    private readonly bool _enforced;

    /// <summary>Resets rounded down (truncated) instead of up, as a server that formats its clock's whole seconds does.</summary>
    public bool RoundsDown { get; init; }
    private double? _start;
    private int _used;

    /// <param name="epochOrigin">The absolute time of the test clock's second 0, for epoch resets.</param>
    /// <param name="enforced">False: a server whose headers are wrong, counting a quota it never enforces (admits everything).</param>
    public ScriptedFixedWindow(int limit, double window, QuotaHeaders headers, DateTimeOffset epochOrigin, bool enforced = true)
    {
        _enforced = enforced;
        _limit = limit;
        _window = window;
        _headers = headers;
        _epochOrigin = epochOrigin;
    }

    public int Admitted { get; private set; }

    public int Refused { get; private set; }

    /// <summary>The server's answer to a request arriving at <paramref name="at"/> (seconds since the origin).</summary>
    public (bool Admitted, double RetryAfter, Func<string, string?> Header) Answer(double at)
    {
        var start = _start ?? at;
        if (at - start >= _window)
        {
            start += Math.Floor((at - start) / _window) * _window;
            _used = 0;
        }
        _start = start;
        var admitted = _used < _limit || !_enforced;
        if (admitted) _used = Math.Min(_limit, _used + 1);
        if (admitted) Admitted++; else Refused++;
        var end = start + _window;
        var headers = Headers(_limit - _used, end, at);
        return (admitted, Math.Max(1, Math.Ceiling(end - at)), name => headers.TryGetValue(name, out var v) ? v : null);
    }

    private Dictionary<string, string> Headers(int remaining, double end, double at)
    {
        var delta = Text(Whole(end - at));
        switch (_headers)
        {
            case QuotaHeaders.GitHub:
                var epoch = Whole(_epochOrigin.AddSeconds(end).ToUnixTimeMilliseconds() / 1000.0);
                return new() { ["X-RateLimit-Limit"] = Text(_limit), ["X-RateLimit-Remaining"] = Text(remaining), ["X-RateLimit-Reset"] = Text(epoch) };
            case QuotaHeaders.Draft:
                return new() { ["RateLimit-Limit"] = Text(_limit), ["RateLimit-Remaining"] = Text(remaining), ["RateLimit-Reset"] = delta };
            default:
                return new()
                {
                    ["RateLimit-Policy"] = $"\"w\";q={Text(_limit)};w={Text((long)Math.Ceiling(_window))}",
                    ["RateLimit"] = $"\"w\";r={Text(remaining)};t={delta}",
                };
        }
    }

    private long Whole(double seconds) => (long)(RoundsDown ? Math.Floor(seconds) : Math.Ceiling(seconds));

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
