using System.Threading;

namespace OperationsModule.Simulator;

/// <summary>
/// How many answers the simulator gave per status code (outside /_sim/), kept even with the journal off: one
/// interlocked add per request, so a bench can report the share of refusals without the journal's cost.
/// </summary>
public sealed class ResponseTally
{
    private readonly long[] _byStatus = new long[600];

    /// <summary>Answers with this status so far (0 for an aborted connection that never got one).</summary>
    public long Count(int status) => status is >= 0 and < 600 ? Interlocked.Read(ref _byStatus[status]) : 0;

    /// <summary>All answers so far.</summary>
    public long Total
    {
        get
        {
            long total = 0;
            for (var i = 0; i < _byStatus.Length; i++)
            {
                total += Interlocked.Read(ref _byStatus[i]);
            }

            return total;
        }
    }

    public void Clear()
    {
        for (var i = 0; i < _byStatus.Length; i++)
        {
            Interlocked.Exchange(ref _byStatus[i], 0);
        }
    }

    internal void Add(int status, bool aborted) => Interlocked.Increment(ref _byStatus[aborted || status is < 0 or >= 600 ? 0 : status]);
}
