using System;
using System.Collections.Concurrent;

namespace OperationsModule.Simulator;

/// <summary>
/// Real servers only start a cancel: VCF tasks read IN_PROGRESS a while longer, Onedata executions read stopping.
/// The stored state is the outcome at once (so tests and /_sim/status see it), while reads through the API show the
/// intermediate state for the next <see cref="ListingBehaviour.CancelSettleReads"/> reads of the item.
/// </summary>
public sealed class CancelSettling
{
    private readonly ConcurrentDictionary<string, int> _readsLeft = new(StringComparer.Ordinal);

    internal void Start(string id, int reads)
    {
        if (reads > 0)
        {
            _readsLeft[id] = reads;
        }
    }

    /// <summary>True while the item still reads as stopping; a list shows it so without using up a read.</summary>
    public bool IsSettling(string id) => _readsLeft.TryGetValue(id, out var left) && left > 0;

    /// <summary>One read of the item: true when this read still shows the intermediate state.</summary>
    internal bool Read(string id)
    {
        while (_readsLeft.TryGetValue(id, out var left))
        {
            if (left <= 0)
            {
                _readsLeft.TryRemove(id, out _);
                return false;
            }

            if (_readsLeft.TryUpdate(id, left - 1, left))
            {
                return true;
            }
        }

        return false;
    }

    internal void Reset() => _readsLeft.Clear();
}
