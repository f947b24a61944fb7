using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OperationsModule.Simulator.Hosting;

namespace OperationsModule.Simulator.Faults;

/// <summary>
/// A fixed-window limiter: at most <c>limit</c> requests per window of <c>window</c>; the rest are refused with
/// <c>status</c> and Retry-After to the window's end ("auto": whole seconds, at least 1; "date": an HTTP date). The first window opens at the
/// first request, the next ones follow back to back. Runs on <see cref="SimulatorOptions.TimeProvider"/>; limit
/// headers (when asked for) carry Limit = limit, Remaining = what the window has left, Reset = its end, w = window.
/// </summary>
public sealed class FixedWindowFault : LimiterFault
{
    private readonly object _gate = new();
    private readonly int _limit;
    private readonly TimeSpan _window;
    private readonly LimitHeaderStyle _headers;
    private DateTimeOffset? _windowStart;
    private int _used;
    private long _answers;

    internal FixedWindowFault(int limit, TimeSpan window, int status, string? retryAfter, LimitHeaderStyle headers)
        : base(status, retryAfter)
    {
        if (limit < 1) throw new ArgumentException("'limit' must be at least 1.");
        if (window <= TimeSpan.Zero) throw new ArgumentException("'window' must be longer than zero.");
        _limit = limit;
        _window = window;
        _headers = headers;
    }

    public override string Kind => "fixedWindow";

    internal override async Task<bool> ExecuteAsync(HttpContext context, FaultRuntime runtime)
    {
        DateTimeOffset now;
        bool admitted;
        LimitSnapshot snapshot;
        lock (_gate)
        {
            now = runtime.Now;
            var start = _windowStart ?? now;
            if (now - start >= _window)
            {
                // Skip the windows nobody used: the current one is the last start at or before now.
                start += TimeSpan.FromTicks((now - start).Ticks / _window.Ticks * _window.Ticks);
                _used = 0;
            }

            _windowStart = start;
            admitted = _used < _limit;
            if (admitted)
            {
                _used++;
            }

            snapshot = new LimitSnapshot("window", _limit, _limit - _used, start + _window - now, _window);
        }

        LimitHeaderWriter.Write(context.Response.Headers, _headers, snapshot, now, Interlocked.Increment(ref _answers));
        return await AnswerAsync(context, admitted, snapshot.ResetAfter, now).ConfigureAwait(false);
    }
}
