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

    /// <summary>Accepted cancels that still read stopping through the API for a few reads (Onedata only initiates a cancel).</summary>
    public CancelSettling Settling { get; } = new();

    /// <summary>Adds an execution of one space (others list in every space), with its name.</summary>
    public void AddExecution(string wid, string status, string? spaceId, string? name) =>
        _executions[wid] = new Execution(status, DateTimeOffset.UtcNow, spaceId, name);

    /// <summary>The status the API shows: stopping while an accepted cancel settles, else the stored one.</summary>
    public string? ApiStatus(string wid) => _executions.TryGetValue(wid, out var e) ? (Settling.IsSettling(wid) ? "stopping" : e.Status) : null;

    /// <summary>The phase of a status, as the list call groups them.</summary>
    public static string PhaseOf(string status) => status switch
    {
        "scheduled" or "resuming" => "waiting",
        "interrupted" or "paused" => "suspended",
        _ when IsEnded(status) => "ended",
        _ => "ongoing",
    };

    /// <summary>The IDs of one space (executions seeded without a space are in every space) in a phase, by the status the API shows, ordered by ID.</summary>
    public IReadOnlyList<string> ListExecutions(string spaceId, string phase) =>
    [
        .. _executions
            .Where(e => (e.Value.SpaceId is null || e.Value.SpaceId == spaceId) && PhaseOf(ApiStatus(e.Key) ?? e.Value.Status) == phase)
            .Select(e => e.Key)
            .OrderBy(id => id, StringComparer.Ordinal),
    ];

    /// <summary>Space and name as seeded (null: not given).</summary>
    internal (string? SpaceId, string? Name) DetailsOf(string wid) => _executions.TryGetValue(wid, out var e) ? (e.SpaceId, e.Name) : (null, null);

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

    internal void Reset()
    {
        _executions.Clear();
        Settling.Reset();
    }

    private sealed record Execution(string Status, DateTimeOffset ScheduledAt, string? SpaceId = null, string? Name = null);
}
