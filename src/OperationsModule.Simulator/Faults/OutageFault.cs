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
/// request is let through (no limit at all). Runs on <see cref="SimulatorOptions.TimeProvider"/>. Retry-After is
/// sent as given, or "auto" / "date" for the outage's end in seconds / as an HTTP date.
/// </summary>
public sealed class OutageFault : LimiterFault
{
    private readonly object _gate = new();
    private readonly TimeSpan _duration;
    private readonly OutageStart _start;
    private readonly bool _closeConnection;
    private DateTimeOffset? _endsAt;

    internal OutageFault(TimeSpan duration, int status, string? retryAfter, OutageStart start, bool closeConnection)
        : base(status, retryAfter)
    {
        if (duration < TimeSpan.Zero) throw new ArgumentException("'duration' must not be negative.");
        _duration = duration;
        _start = start;
        _closeConnection = closeConnection;
    }

    public override string Kind => "outage";

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
        DateTimeOffset now, endsAt;
        lock (_gate)
        {
            now = runtime.Now;
            endsAt = _endsAt ??= now + _duration;
            refused = now < endsAt;
        }

        if (refused && _closeConnection)
        {
            return CloseConnection(context);
        }

        return await AnswerAsync(context, !refused, endsAt - now, now).ConfigureAwait(false);
    }
}
