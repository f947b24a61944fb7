using System;
using System.Collections.Generic;
using System.Linq;

namespace OperationsModule.Simulator;

/// <summary>Every request received (control endpoints under /_sim/ excluded), in arrival order.</summary>
public sealed class RequestJournal
{
    // A lock around a List is cheap next to an HTTP request; the bench can switch the journal off entirely.
    private readonly object _gate = new();
    private readonly List<RecordedRequest> _items = new();

    public int Count
    {
        get { lock (_gate) { return _items.Count; } }
    }

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate) { return _items.ToArray(); }
    }

    public void Clear()
    {
        lock (_gate) { _items.Clear(); }
    }

    /// <summary>The requests whose raw path contains <paramref name="pathContains"/> (ordinal, case-insensitive).</summary>
    public IEnumerable<RecordedRequest> For(string pathContains) =>
        Snapshot().Where(r => r.Path.Contains(pathContains, StringComparison.OrdinalIgnoreCase));

    internal void Add(RecordedRequest request)
    {
        lock (_gate) { _items.Add(request); }
    }
}
