using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using OperationsModule.Simulator.StateInternals;

namespace OperationsModule.Simulator;

/// <summary>Tasks and tokens of the fake SDDC Manager. Statuses are stored canonical (IN_PROGRESS, CANCELLED, ...).</summary>
public sealed class VcfState
{
    private readonly ConcurrentDictionary<string, string> _tasks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _refreshTokens = new(StringComparer.Ordinal);
    // Revoked ids are kept apart (not removed) so leak tests still search for them.
    private readonly ConcurrentDictionary<string, bool> _revokedRefreshTokens = new(StringComparer.Ordinal);
    private int _tokensIssued;
    private int _tokensRefreshed;
    private int _tokensRevoked;

    // Name, type and creation time of tasks seeded with them; other tasks get ones derived from their ID.
    private readonly ConcurrentDictionary<string, VcfTaskDetails> _details = new(StringComparer.Ordinal);
    // The IDs in list order, rebuilt only after an add: a 10 000-task list is paged without sorting per page.
    private string[]? _ordered;

    internal VcfState() { }

    /// <summary>Accepted cancels that still read IN_PROGRESS through the API for a few reads (VCF finishes them asynchronously).</summary>
    public CancelSettling Settling { get; } = new();

    /// <summary>Adds (or replaces) a task with its name, type and creation time, as GET /v1/tasks shows them.</summary>
    public void AddTask(string id, string status, string name, string type, DateTimeOffset createdAt)
    {
        _details[id] = new VcfTaskDetails(name, type, createdAt);
        AddTask(id, status);
    }

    /// <summary>The task's name, type and creation time.</summary>
    public VcfTaskDetails DetailsOf(string id) =>
        _details.TryGetValue(id, out var d) ? d : new VcfTaskDetails("Simulated task " + id, "SIMULATED_OPERATION", DateTimeOffset.UtcNow.AddMinutes(-5));

    /// <summary>Every task ID in list order (by ID), cached until the next add.</summary>
    public IReadOnlyList<string> OrderedIds() =>
        _ordered ??= [.. _tasks.Keys.OrderBy(k => k, StringComparer.Ordinal)];

    internal TokenStore AccessTokens { get; } = new();

    public int TokensIssued => Volatile.Read(ref _tokensIssued);
    public int TokensRefreshed => Volatile.Read(ref _tokensRefreshed);
    public int TokensRevoked => Volatile.Read(ref _tokensRevoked);

    /// <summary>True for a refresh-token id issued since the last reset and not revoked.</summary>
    public bool IsRefreshTokenValid(string refreshId) => _refreshTokens.ContainsKey(refreshId) && !_revokedRefreshTokens.ContainsKey(refreshId);

    /// <summary>Access tokens and refresh-token ids issued since the last reset (secrets the user never typed).</summary>
    public IReadOnlyCollection<string> IssuedSecrets() => [.. AccessTokens.Issued, .. _refreshTokens.Keys];

    public void AddTask(string id, string status = "IN_PROGRESS")
    {
        _tasks[id] = Canonical(status);
        _ordered = null;
    }

    /// <summary>Bulk seeding (10 000 IDs is routine); no per-item allocation beyond the dictionary entry.</summary>
    public void AddTasks(IEnumerable<string> ids, string status = "IN_PROGRESS")
    {
        var canonical = Canonical(status);
        foreach (var id in ids)
        {
            _tasks[id] = canonical;
        }

        _ordered = null;
    }

    /// <summary>Canonical status (e.g. CANCELLED), or null when unknown.</summary>
    public string? GetStatus(string id) => _tasks.TryGetValue(id, out var s) ? s : null;

    /// <summary>Every task with its canonical status, ordered by id (GET /v1/tasks lists them in a stable order).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ListTasks() =>
        [.. _tasks.OrderBy(t => t.Key, StringComparer.Ordinal)];

    /// <summary>Every access token expires now: the next call answers 401 and the client must refresh.</summary>
    public void ExpireAccessTokens() => AccessTokens.ExpireAll();

    internal void RecordIssued(string refreshId, string subject)
    {
        _refreshTokens[refreshId] = subject;
        Interlocked.Increment(ref _tokensIssued);
    }

    internal bool TryRefresh(string refreshId, out string subject)
    {
        if (_refreshTokens.TryGetValue(refreshId, out subject!) && !_revokedRefreshTokens.ContainsKey(refreshId))
        {
            Interlocked.Increment(ref _tokensRefreshed);
            return true;
        }

        return false;
    }

    /// <summary>DELETE /v1/tokens/refresh-token: the id stops refreshing. False when unknown or already revoked.</summary>
    internal bool TryRevoke(string refreshId)
    {
        if (!_refreshTokens.ContainsKey(refreshId) || !_revokedRefreshTokens.TryAdd(refreshId, true))
        {
            return false;
        }

        Interlocked.Increment(ref _tokensRevoked);
        return true;
    }

    internal enum CancelOutcome { Cancelled, NotFound, NotCancellable }

    /// <summary>Atomic: only an IN_PROGRESS task can be cancelled (409 otherwise).</summary>
    internal CancelOutcome TryCancel(string id)
    {
        if (!_tasks.TryGetValue(id, out var status))
        {
            return CancelOutcome.NotFound;
        }

        return status == "IN_PROGRESS" && _tasks.TryUpdate(id, "CANCELLED", "IN_PROGRESS")
            ? CancelOutcome.Cancelled
            : CancelOutcome.NotCancellable;
    }

    internal void Reset()
    {
        _tasks.Clear();
        _details.Clear();
        _ordered = null;
        Settling.Reset();
        _refreshTokens.Clear();
        _revokedRefreshTokens.Clear();
        AccessTokens.Clear();
        Interlocked.Exchange(ref _tokensIssued, 0);
        Interlocked.Exchange(ref _tokensRefreshed, 0);
        Interlocked.Exchange(ref _tokensRevoked, 0);
    }

    /// <summary>The status the API shows: IN_PROGRESS while an accepted cancel settles, else the stored one.</summary>
    public string? ApiStatus(string id) => _tasks.TryGetValue(id, out var s) ? (Settling.IsSettling(id) ? "IN_PROGRESS" : s) : null;

    /// <summary>"In Progress" and "IN_PROGRESS" both exist in the wild; store the upper-snake form.</summary>
    internal static string Canonical(string status) => status.Trim().ToUpperInvariant().Replace(' ', '_');

    /// <summary>The spelling GET /v1/tasks/{id} uses: alternates per task ID, deterministically, like real deployments.</summary>
    internal static string Display(string id, string canonical)
    {
        var hash = 0;
        foreach (var c in id)
        {
            hash = unchecked(hash * 31 + c);
        }

        if ((hash & 1) == 0 || canonical == "COMPLETED_WITH_WARNING" || canonical == "SKIPPED")
        {
            return canonical;
        }

        // Title case with spaces: IN_PROGRESS -> In Progress.
        var words = canonical.ToLowerInvariant().Split('_');
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = words[i].Length == 0 ? words[i] : char.ToUpperInvariant(words[i][0]) + words[i].Substring(1);
        }

        return string.Join(" ", words);
    }
}

/// <summary>What GET /v1/tasks shows of a task besides its ID and status.</summary>
public sealed record VcfTaskDetails(string Name, string Type, DateTimeOffset CreatedAt);
