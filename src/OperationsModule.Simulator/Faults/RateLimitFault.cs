using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OperationsModule.Simulator.Hosting;

namespace OperationsModule.Simulator.Faults;

/// <summary>
/// A token bucket: admits <c>rate</c> requests per second with bursts of up to <c>burst</c>, and refuses the rest
/// with <c>status</c> and Retry-After. One bucket per rule, so a rule per system (its path pattern) limits each
/// system on its own. Retry-After "auto" answers the whole seconds until the next token (at least 1).
/// </summary>
public sealed class RateLimitFault : FaultAction
{
    private readonly object _gate = new();
    private readonly double _rate;
    private readonly double _burst;
    private readonly int _status;
    private readonly string? _retryAfter;
    private double _tokens;
    private long _lastTicks;
    private long _admitted;
    private long _refused;

    internal RateLimitFault(double rate, int burst, int status, string? retryAfter)
    {
        if (rate <= 0) throw new ArgumentException("'rate' must be above 0 requests per second.");
        if (burst < 1) throw new ArgumentException("'burst' must be at least 1.");
        _rate = rate;
        _burst = burst;
        _status = status;
        _retryAfter = retryAfter;
        _tokens = burst;
        _lastTicks = Stopwatch.GetTimestamp();
    }

    public override string Kind => "rateLimit";

    /// <summary>Requests let through so far.</summary>
    public long Admitted => Interlocked.Read(ref _admitted);

    /// <summary>Requests refused so far (answered with the status).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    internal override async Task<bool> ExecuteAsync(HttpContext context, FaultRuntime runtime)
    {
        double wait;
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            _tokens = Math.Min(_burst, _tokens + (now - _lastTicks) * _rate / Stopwatch.Frequency);
            _lastTicks = now;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                Interlocked.Increment(ref _admitted);
                return false;
            }

            wait = (1 - _tokens) / _rate;
        }

        Interlocked.Increment(ref _refused);
        var retryAfter = string.Equals(_retryAfter, "auto", StringComparison.OrdinalIgnoreCase)
            ? Math.Max(1, (int)Math.Ceiling(wait)).ToString(CultureInfo.InvariantCulture)
            : _retryAfter;
        if (retryAfter is not null)
        {
            context.Response.Headers["Retry-After"] = retryAfter;
        }

        await Respond.EmptyAsync(context, _status).ConfigureAwait(false);
        return true;
    }
}
