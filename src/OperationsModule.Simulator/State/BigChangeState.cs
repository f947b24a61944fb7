using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using OperationsModule.Simulator.StateInternals;

namespace OperationsModule.Simulator;

/// <summary>Jobs and access tokens of the fake BigChange API. Statuses use the API's camelCase values.</summary>
public sealed partial class BigChangeState
{
    // A job in one of these states cannot be cancelled (vendor rule: started, suspended, completed; plus already cancelled).
    private static readonly HashSet<string> NotCancellable = new(StringComparer.Ordinal)
    {
        "started", "suspended", "completedOk", "completedWithIssues", "cancelled",
    };

    private readonly ConcurrentDictionary<long, Job> _jobs = new();
    private readonly Func<long> _defaultCustomer;
    private readonly Func<DateTimeOffset> _now;
    private int _tokensIssued;

    internal BigChangeState(Func<long> defaultCustomer, Func<DateTimeOffset>? now = null)
    {
        _defaultCustomer = defaultCustomer;
        _now = now ?? (() => DateTimeOffset.UtcNow);
    }

    internal TokenStore Tokens { get; } = new();

    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    /// <summary>Access tokens issued since the last reset (secrets the user never typed).</summary>
    public IReadOnlyCollection<string> IssuedSecrets() => [.. Tokens.Issued];

    /// <summary>A null customer means <see cref="SimulatorOptions.BigChangeCustomerId"/>.</summary>
    public void AddJob(long id, string status = "scheduled", long? customerId = null) =>
        _jobs[id] = NewJob(id, status, customerId ?? _defaultCustomer());

    public void AddJobs(IEnumerable<long> ids, string status = "scheduled", long? customerId = null)
    {
        var customer = customerId ?? _defaultCustomer();
        foreach (var id in ids)
        {
            _jobs[id] = NewJob(id, status, customer);
        }
    }

    /// <summary>Null when unknown.</summary>
    public string? GetStatus(long id) => _jobs.TryGetValue(id, out var j) ? j.Status : null;

    public long? GetCustomer(long id) => _jobs.TryGetValue(id, out var j) ? j.CustomerId : null;

    public void ExpireTokens() => Tokens.ExpireAll();

    internal void RecordIssued() => Interlocked.Increment(ref _tokensIssued);

    internal enum CancelOutcome { Cancelled, NotFound, WrongCustomer, NotCancellable }

    internal CancelOutcome TryCancel(long id, long customerId, out string currentStatus)
    {
        while (true)
        {
            if (!_jobs.TryGetValue(id, out var job))
            {
                currentStatus = string.Empty;
                return CancelOutcome.NotFound;
            }

            currentStatus = job.Status;
            if (job.CustomerId != customerId)
            {
                return CancelOutcome.WrongCustomer;
            }

            if (NotCancellable.Contains(job.Status))
            {
                return CancelOutcome.NotCancellable;
            }

            if (_jobs.TryUpdate(id, job with { Status = "cancelled", StatusModifiedAt = _now() }, job))
            {
                return CancelOutcome.Cancelled;
            }
        }
    }

    internal void Reset()
    {
        _jobs.Clear();
        Tokens.Clear();
        Interlocked.Exchange(ref _tokensIssued, 0);
    }

}
