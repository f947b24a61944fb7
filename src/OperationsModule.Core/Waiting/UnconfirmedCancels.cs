using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using OperationsModule.Core.Models;
using OperationsModule.Core.Output;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Waiting
{
    /// <summary>
    /// Accepted cancels whose result is not written yet. A run stopped early (Ctrl+C, an error that ends the command
    /// under -ErrorAction Stop, a downstream Select-Object -First) writes no result for them, yet the server did
    /// accept their cancel: they are named in one warning rather than go unseen. This is the -Wait stage's record; a run
    /// without -Wait names its unwritten results with its other leftovers (Commands.StoppedRunWarnings).
    /// </summary>
    internal sealed class UnconfirmedCancels
    {
        /// <summary>Each pending cancel's connection (for the read-again command) and place in acceptance order.</summary>
        private readonly ConcurrentDictionary<CancellationResult, (ResolvedConnection Connection, long Order)> _pending =
            new ConcurrentDictionary<CancellationResult, (ResolvedConnection Connection, long Order)>();
        private readonly IItemStateReader _reader;
        private readonly string _what;
        private readonly CancellationToken _stopped;
        private long _accepted;

        /// <param name="what">The system and kind, as in "Vcf Task".</param>
        /// <param name="stopped">The run's stop: what is written after it may be dropped by the pipeline.</param>
        public UnconfirmedCancels(IItemStateReader reader, string what, CancellationToken stopped)
        {
            _reader = reader;
            _what = what;
            _stopped = stopped;
        }

        public void Accepted(CancellationResult result, ResolvedConnection connection) =>
            _pending[result] = (connection, Interlocked.Increment(ref _accepted));

        /// <summary>
        /// A result or failure written for an item (its target is the accepted cancel's result). Once the run is
        /// stopped the pipeline may drop what is written, so the item stays named: twice is better than never.
        /// </summary>
        public void Written(object? target)
        {
            if (target is CancellationResult result && !_stopped.IsCancellationRequested) _pending.TryRemove(result, out _);
        }

        /// <summary>The warning naming the cancels still unconfirmed, in acceptance order; null when none is.</summary>
        public string? Warning()
        {
            var pending = _pending.ToArray().OrderBy(p => p.Value.Order).ToArray();
            if (pending.Length == 0) return null;
            var first = pending[0];
            return $"Stopped waiting for {pending.Length} cancelled {_what} {ItemNames.Items(pending.Length)} whose cancel the server accepted, "
                + $"before they were read as stopped: {ItemNames.Quote(pending.Select(p => p.Key.Id).ToList())}. "
                + $"Read their state later with: {_reader.ReadAgainCommand(first.Key.Id, first.Value.Connection.Names)}";
        }
    }
}
