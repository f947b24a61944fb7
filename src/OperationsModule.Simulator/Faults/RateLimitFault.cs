using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OperationsModule.Simulator.Hosting;

namespace OperationsModule.Simulator.Faults;

/// <summary>
/// A token bucket: admits <c>rate</c> requests per second with bursts of up to <c>burst</c>, and refuses the rest
/// with <c>status</c> and Retry-After. One bucket per rule, so a rule per system (its path pattern) limits each
/// system on its own. Retry-After "auto" answers the whole seconds until the next token (at least 1), "date" that
/// moment as an HTTP date.
/// The bucket starts full at its first request and runs on <see cref="SimulatorOptions.TimeProvider"/>.
/// Limit headers (when asked for) describe the bucket as a quota of <c>burst</c> that is whole again when the
/// bucket is full: Limit = burst, Remaining = whole tokens left, Reset = seconds until full (rounded up, so a
/// bucket that refills in under a second says 1), window = burst / rate rounded up.
/// </summary>
public sealed class RateLimitFault : LimiterFault
{
    private readonly object _gate = new();
    private readonly double _rate;
    private readonly double _burst;
    private readonly LimitHeaderStyle _headers;
    private double _tokens;
    private DateTimeOffset? _last;
    private long _answers;

    internal RateLimitFault(double rate, int burst, int status, string? retryAfter, LimitHeaderStyle headers)
        : base(status, retryAfter)
    {
        if (rate <= 0) throw new ArgumentException("'rate' must be above 0 requests per second.");
        if (burst < 1) throw new ArgumentException("'burst' must be at least 1.");
        _rate = rate;
        _burst = burst;
        _headers = headers;
        _tokens = burst;
    }

    public override string Kind => "rateLimit";

    internal override async Task<bool> ExecuteAsync(HttpContext context, FaultRuntime runtime)
    {
        DateTimeOffset now;
        double wait;
        bool admitted;
        LimitSnapshot snapshot;
        lock (_gate)
        {
            // Read inside the lock, so time never runs backwards between two requests.
            now = runtime.Now;
            var elapsed = _last is DateTimeOffset last ? Math.Max(0, (now - last).TotalSeconds) : 0;
            _tokens = Math.Min(_burst, _tokens + elapsed * _rate);
            _last = now;
            admitted = _tokens >= 1;
            if (admitted)
            {
                _tokens -= 1;
            }

            wait = admitted ? 0 : (1 - _tokens) / _rate;
            snapshot = new LimitSnapshot(
                "bucket",
                (long)_burst,
                (long)Math.Floor(_tokens),
                TimeSpan.FromSeconds((_burst - _tokens) / _rate),
                TimeSpan.FromSeconds(_burst / _rate));
        }

        LimitHeaderWriter.Write(context.Response.Headers, _headers, snapshot, now, Interlocked.Increment(ref _answers));
        return await AnswerAsync(context, admitted, TimeSpan.FromSeconds(wait), now).ConfigureAwait(false);
    }
}
