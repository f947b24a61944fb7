using System;
using System.Collections.Generic;
using System.Linq;

namespace OperationsModule.Simulator;

/// <summary>One BigChange job as GET /v1/jobs and GET /v1/jobs/{jobId} show it (times in UTC).</summary>
public sealed record BigChangeJobView(
    long Id, string Status, long CustomerId, string? Reference, string? Description,
    DateTimeOffset CreatedAt, DateTimeOffset? StartAt, DateTimeOffset StatusModifiedAt);

/// <summary>The list filters GET /v1/jobs takes; every range is inclusive and needs both ends.</summary>
public sealed class BigChangeJobFilter
{
    public long CustomerId { get; init; }

    public IReadOnlyCollection<long> Ids { get; init; } = Array.Empty<long>();

    public IReadOnlyCollection<string> References { get; init; } = Array.Empty<string>();

    /// <summary>Canonical camelCase values; empty means any.</summary>
    public IReadOnlyCollection<string> Statuses { get; init; } = Array.Empty<string>();

    public (DateTimeOffset From, DateTimeOffset To)? StartAt { get; init; }

    public (DateTimeOffset From, DateTimeOffset To)? CreatedAt { get; init; }

    public (DateTimeOffset From, DateTimeOffset To)? StatusModifiedAt { get; init; }
}

/// <summary>The job details behind the list call, and the seeding that sets them.</summary>
public sealed partial class BigChangeState
{
    /// <summary>The vendor's job statuses (camelCase), including the internal ones a list may show.</summary>
    public static readonly IReadOnlyList<string> Statuses = new[]
    {
        "new", "scheduled", "unscheduled", "sent", "read", "accepted", "refused", "onTheWay", "started", "suspended",
        "completedOk", "completedWithIssues", "cancelled", "lateStart", "lateFinish", "rescheduled",
    };

    /// <summary>
    /// A job with every detail. Without <paramref name="startAt"/> a job starts tomorrow (UTC) between 08:00 and
    /// 17:00, spread by its ID, so "this week's jobs" finds seeded jobs; an unscheduled one has no start.
    /// </summary>
    public void SeedJob(long id, string status = "scheduled", long? customerId = null, DateTimeOffset? startAt = null,
        DateTimeOffset? createdAt = null, string? reference = null, string? description = null)
    {
        var job = NewJob(id, status, customerId ?? _defaultCustomer());
        var created = createdAt ?? job.CreatedAt;
        _jobs[id] = job with
        {
            StartAt = startAt ?? job.StartAt,
            CreatedAt = created,
            StatusModifiedAt = created,
            Reference = reference ?? job.Reference,
            Description = description ?? job.Description,
        };
    }

    /// <summary>Null when unknown.</summary>
    public BigChangeJobView? GetJob(long id) => _jobs.TryGetValue(id, out var j) ? View(id, j) : null;

    /// <summary>One page (numbered from 1) of the customer's jobs that pass the filter, ordered by ID.</summary>
    public IReadOnlyList<BigChangeJobView> Query(BigChangeJobFilter filter, int pageNumber, int pageSize)
    {
        var statuses = new HashSet<string>(filter.Statuses, StringComparer.Ordinal);
        var ids = new HashSet<long>(filter.Ids);
        var references = new HashSet<string>(filter.References, StringComparer.OrdinalIgnoreCase);
        return _jobs
            .Where(pair => pair.Value.CustomerId == filter.CustomerId
                && (ids.Count == 0 || ids.Contains(pair.Key))
                && (references.Count == 0 || (pair.Value.Reference is { } r && references.Contains(r)))
                && (statuses.Count == 0 || statuses.Contains(pair.Value.Status))
                && Within(pair.Value.StartAt, filter.StartAt)
                && Within(pair.Value.CreatedAt, filter.CreatedAt)
                && Within(pair.Value.StatusModifiedAt, filter.StatusModifiedAt))
            .OrderBy(pair => pair.Key)
            .Skip((int)Math.Min(int.MaxValue, (long)(pageNumber - 1) * pageSize))
            .Take(pageSize)
            .Select(pair => View(pair.Key, pair.Value))
            .ToList();
    }

    private Job NewJob(long id, string status, long customerId)
    {
        var now = _now();
        var tomorrow = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        DateTimeOffset? start = status == "unscheduled" ? null : tomorrow.AddHours(8 + (id % 10)).AddMinutes(id % 60);
        var created = now.AddDays(-1);
        return new Job(status, customerId, "SIM-" + id, "Simulated job " + id, created, start, created);
    }

    private static bool Within(DateTimeOffset? value, (DateTimeOffset From, DateTimeOffset To)? range) =>
        range is not { } r || (value is { } v && v >= r.From && v <= r.To);

    private static BigChangeJobView View(long id, Job j) =>
        new(id, j.Status, j.CustomerId, j.Reference, j.Description, j.CreatedAt, j.StartAt, j.StatusModifiedAt);

    private sealed record Job(string Status, long CustomerId, string? Reference, string? Description,
        DateTimeOffset CreatedAt, DateTimeOffset? StartAt, DateTimeOffset StatusModifiedAt);
}
