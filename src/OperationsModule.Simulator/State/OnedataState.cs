using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace OperationsModule.Simulator;

/// <summary>Automation workflow executions of the fake Oneprovider.</summary>
public sealed class OnedataState
{
    // Statuses after which a cancel is refused with atmWorkflowExecutionEnded.
    private static readonly HashSet<string> Ended = new(StringComparer.Ordinal) { "finished", "cancelled", "failed", "crashed" };

    private readonly ConcurrentDictionary<string, Execution> _executions = new(StringComparer.Ordinal);

    internal OnedataState() { }

    public void AddExecution(string wid, string status = "active") => _executions[wid] = new Execution(status, DateTimeOffset.UtcNow);

    public void AddExecutions(IEnumerable<string> wids, string status = "active")
    {
        foreach (var wid in wids)
        {
            AddExecution(wid, status);
        }
    }

    /// <summary>Null when unknown.</summary>
    public string? GetStatus(string wid) => _executions.TryGetValue(wid, out var e) ? e.Status : null;

    public static bool IsEnded(string status) => Ended.Contains(status);

    /// <summary>The ids of the executions in a phase (ongoing: not ended; ended; null: all), ordered by id.</summary>
    public IReadOnlyList<string> ListExecutions(string? phase) =>
    [
        .. _executions
            .Where(e => phase switch { "ongoing" => !IsEnded(e.Value.Status), "ended" => IsEnded(e.Value.Status), _ => true })
            .Select(e => e.Key)
            .OrderBy(id => id, StringComparer.Ordinal),
    ];

    internal bool TryGet(string wid, out (string Status, DateTimeOffset ScheduledAt) execution)
    {
        if (_executions.TryGetValue(wid, out var e))
        {
            execution = (e.Status, e.ScheduledAt);
            return true;
        }

        execution = default;
        return false;
    }

    internal enum CancelOutcome { Cancelled, NotFound, Ended }

    /// <summary>Atomic check-and-set so two concurrent cancels give one 204 and one 400.</summary>
    internal CancelOutcome TryCancel(string wid)
    {
        while (true)
        {
            if (!_executions.TryGetValue(wid, out var current))
            {
                return CancelOutcome.NotFound;
            }

            if (IsEnded(current.Status))
            {
                return CancelOutcome.Ended;
            }

            // The real cancel is only initiated; the simulator settles it at once so GetStatus is deterministic.
            if (_executions.TryUpdate(wid, current with { Status = "cancelled" }, current))
            {
                return CancelOutcome.Cancelled;
            }
        }
    }

    internal void Reset() => _executions.Clear();

    private sealed record Execution(string Status, DateTimeOffset ScheduledAt);
}
