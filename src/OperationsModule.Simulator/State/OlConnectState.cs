using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using OperationsModule.Simulator.StateInternals;

namespace OperationsModule.Simulator;

/// <summary>One Output Creation operation. Mutable fields are guarded by the instance itself (per-operation lock).</summary>
public sealed class OlOperation
{
    internal OlOperation(string id, string configId, IReadOnlyList<long> jobIds, bool createOnly, int progress)
    {
        Id = id;
        ConfigId = configId;
        JobIds = jobIds;
        CreateOnly = createOnly;
        Progress = progress;
    }

    public string Id { get; }
    public string ConfigId { get; }
    public IReadOnlyList<long> JobIds { get; }
    public bool CreateOnly { get; }
    public DateTimeOffset StartTime { get; } = DateTimeOffset.UtcNow;

    /// <summary>0-100. 100 means finished (a result is available).</summary>
    public int Progress { get; internal set; }
    public bool Cancelled { get; internal set; }

    /// <summary>getProgress reads left before a cancelled operation leaves the list (see SimulatorOptions.OlConnectCancelPolls).</summary>
    public int StopPollsLeft { get; internal set; }

    /// <summary>'done' has been answered once; with the drop quirk on, getProgress now answers 404.</summary>
    public bool DoneReported { get; internal set; }

    public bool Finished => Progress >= 100 && !Cancelled;
}

/// <summary>Presets, jobs, operations and login tokens of the fake OL Connect server.</summary>
public sealed class OlConnectState
{
    private readonly ConcurrentDictionary<string, byte> _configs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, byte> _jobs = new();
    private readonly ConcurrentDictionary<string, OlOperation> _operations = new(StringComparer.Ordinal);
    private long _nextOperationId;

    internal OlConnectState() => Reset();

    internal TokenStore Tokens { get; } = new();

    public IReadOnlyCollection<OlOperation> Operations => _operations.Values.ToArray();

    /// <summary>Preset by Managed File ID or by name.</summary>
    public void AddConfig(string idOrName) => _configs[idOrName] = 0;

    public void AddJobs(params long[] ids)
    {
        foreach (var id in ids)
        {
            _jobs[id] = 0;
        }
    }

    public bool HasConfig(string idOrName) => _configs.ContainsKey(idOrName);

    public bool HasJob(long id) => _jobs.ContainsKey(id);

    /// <summary>Seeds an operation (for cancel/progress/result tests). A null id gets the next sequential one.</summary>
    public OlOperation AddOperation(string? id = null, string configId = "1001", IReadOnlyList<long>? jobIds = null, bool createOnly = true, int progress = 0)
    {
        var op = new OlOperation(id ?? NextOperationId(), configId, jobIds ?? new long[] { 1 }, createOnly, progress);
        _operations[op.Id] = op;
        return op;
    }

    public OlOperation? GetOperation(string id) => _operations.TryGetValue(id, out var op) ? op : null;

    /// <summary>Every login token expires now (the next call with it gets 401).</summary>
    public void ExpireTokens() => Tokens.ExpireAll();

    /// <summary>auth_tokens issued since the last reset (secrets the user never typed).</summary>
    public IReadOnlyCollection<string> IssuedSecrets() => [.. Tokens.Issued];

    // Sequential IDs keep runs reproducible; they start high so they never look like job IDs.
    internal string NextOperationId() =>
        Interlocked.Increment(ref _nextOperationId).ToString(CultureInfo.InvariantCulture);

    internal void Reset()
    {
        _configs.Clear();
        _jobs.Clear();
        _operations.Clear();
        Tokens.Clear();
        Interlocked.Exchange(ref _nextOperationId, 5000);
        // Defaults the brief promises: two presets and jobs 1..100.
        AddConfig("1001");
        AddConfig("Invoices-Preset");
        AddJobs(Enumerable.Range(1, 100).Select(i => (long)i).ToArray());
    }
}
