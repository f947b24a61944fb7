using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OperationsModule.Simulator.Hosting;

namespace OperationsModule.Simulator.Faults;

/// <summary>When an <see cref="OutageFault"/> starts counting its duration.</summary>
public enum OutageStart
{
    /// <summary>At the first request the rule sees (a run started after switching it on meets the whole outage).</summary>
    FirstRequest,

    /// <summary>When the rule is added to the plan (POST /_sim/faults or FaultPlan.Add).</summary>
    WhenAdded,
}

/// <summary>
/// A short outage: every request is refused with <c>status</c> and Retry-After for <c>duration</c>, then every
/// request is let through (no limit at all). Runs on <see cref="SimulatorOptions.TimeProvider"/>.
/// </summary>
public sealed class OutageFault : FaultAction
{
    private readonly object _gate = new();
    private readonly TimeSpan _duration;
    private readonly int _status;
    private readonly string? _retryAfter;
    private readonly OutageStart _start;
    private DateTimeOffset? _endsAt;
    private long _admitted;
    private long _refused;

    internal OutageFault(TimeSpan duration, int status, string? retryAfter, OutageStart start)
    {
        if (duration < TimeSpan.Zero) throw new ArgumentException("'duration' must not be negative.");
        _duration = duration;
        _status = status;
        _retryAfter = retryAfter;
        _start = start;
    }

    public override string Kind => "outage";

    /// <summary>Requests let through (after the outage).</summary>
    public long Admitted => Interlocked.Read(ref _admitted);

    /// <summary>Requests refused during the outage.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>When the outage ends; null until it has started.</summary>
    public DateTimeOffset? EndsAt
    {
        get { lock (_gate) return _endsAt; }
    }

    internal override void OnAdded(DateTimeOffset now)
    {
        if (_start == OutageStart.WhenAdded)
        {
            lock (_gate) _endsAt ??= now + _duration;
        }
    }

    internal override async Task<bool> ExecuteAsync(HttpContext context, FaultRuntime runtime)
    {
        bool refused;
        lock (_gate)
        {
            var now = runtime.Now;
            _endsAt ??= now + _duration;
            refused = now < _endsAt;
        }

        if (!refused)
        {
            Interlocked.Increment(ref _admitted);
            return false;
        }

        Interlocked.Increment(ref _refused);
        if (_retryAfter is not null)
        {
            context.Response.Headers["Retry-After"] = _retryAfter;
        }

        await Respond.EmptyAsync(context, _status).ConfigureAwait(false);
        return true;
    }
}
