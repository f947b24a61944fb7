using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace OperationsModule.Core.Engine
{
    /// <summary>
    /// A stopped run (Ctrl+C, an error that ends the command, a downstream Select-Object -First) writes nothing more, yet
    /// it held items the user piped in: some were never sent, some were cut short in flight, some finished unwritten.
    /// The engine hands them over by what became of them, so the caller names each rather than drop it unseen.
    /// </summary>
    internal sealed partial class BulkEngine
    {
        /// <summary>How long a stopped run's leftovers wait for requests to observe the stop: they do so at once.</summary>
        public static readonly TimeSpan StoppedRequestsGrace = TimeSpan.FromSeconds(2);

        /// <summary>The message whose write a stopped pipeline refused: not shown, so TakeLeftovers still has it.</summary>
        private Message? _refusedWrite;

        // Pipeline thread only: targets of items the run was stopped before taking, and of items the stop cut short.
        private readonly List<object?> _notTaken = new List<object?>();
        private readonly List<object?> _abandoned = new List<object?>();

        /// <summary>
        /// After a stop, on the pipeline thread: everything held and never written. Waits (at most
        /// <paramref name="grace"/>) for the requests in flight to end, since each observes the stop at once.
        /// </summary>
        public Leftovers TakeLeftovers(TimeSpan grace)
        {
            var leftovers = new Leftovers();
            // Emptied first: once the queue is empty no item can start, so the running count only falls.
            while (_queued.TryDequeue(out var item)) leftovers.NotSent.Add(item.Target);
            // Input order: an item not taken came after every queued one.
            leftovers.NotSent.AddRange(_notTaken);
            _notTaken.Clear();
            leftovers.StillRunning = AwaitRunningEnd(grace);
            leftovers.CutShort.AddRange(_abandoned);
            _abandoned.Clear();
            if (_refusedWrite is { } refused) Classify(refused, leftovers);
            _refusedWrite = null;
            while (TryTakeMessage(out var message)) Classify(message, leftovers);
            while (_heldFailures.Count > 0) leftovers.Failures.Add(_heldFailures.Dequeue().Failure);
            return leftovers;
        }

        private static void Classify(Message message, Leftovers leftovers)
        {
            if (message.Kind == MessageKind.Abandoned) leftovers.CutShort.Add(message.Result);
            else if (message.Kind != MessageKind.Done) return;
            else if (message.Failure is not null) leftovers.Failures.Add(message.Failure);
            else if (message.Result is not null) leftovers.Results.Add(message.Result);
        }

        /// <summary>Waits until no work item runs, or the grace has passed; returns how many still run.</summary>
        private int AwaitRunningEnd(TimeSpan grace)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                while (Volatile.Read(ref _running) > 0)
                {
                    var left = grace - clock.Elapsed;
                    if (left <= TimeSpan.Zero) break;
                    _wake.Reset();
                    // Woken by the next completion. Interlocked is a full fence: either that worker sees this threshold,
                    // or the running count read below sees it gone.
                    Interlocked.Exchange(ref _wakeAt, Volatile.Read(ref _messageCount) + 1);
                    if (Volatile.Read(ref _running) == 0) break;
                    // Sliced: a thread that took a slot and found the queue empty gives it back without a message.
                    _wake.Wait(left < SlotReturnSlice ? left : SlotReturnSlice);
                }
                return Volatile.Read(ref _running);
            }
            finally
            {
                Volatile.Write(ref _wakeAt, int.MaxValue);
            }
        }

        private static readonly TimeSpan SlotReturnSlice = TimeSpan.FromMilliseconds(10);
    }
}
