using System.Threading;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Engine
{
    /// <summary>
    /// A failure that stops the command (-ErrorAction Stop) halts the run: nothing new starts, the work in flight is
    /// awaited and written, then the failure. Any thread may halt the run; only the pipeline thread settles it.
    /// </summary>
    internal sealed partial class BulkEngine
    {
        // Pipeline thread only: set by Drain, after which the run never resumes and takes no more items.
        private bool _drained;

        /// <summary>
        /// A failure found on the pipeline thread (an ID refused before any request). Written at once, unless the
        /// error action stops at a failure: then, like a failed request, it halts the run and is written after
        /// every result in flight.
        /// </summary>
        public void WriteFailure(Failure failure, IOperationsOutput output)
        {
            if (!_stopsAtFailure)
            {
                output.WriteFailure(failure);
                return;
            }
            _heldFailures.Enqueue((failure, false));
            Volatile.Write(ref _halted, 1);
            Settle(output, resume: true);
        }

        /// <summary>
        /// Before a terminating error: no item starts any more; the items already started are awaited and their
        /// results written, so the error comes after every piece of work the server did.
        /// </summary>
        public void Drain(IOperationsOutput output)
        {
            _drained = true;
            Volatile.Write(ref _halted, 1);
            Settle(output, resume: false);
        }

        /// <summary>
        /// The run is halted: wait for every started item, write its result (failures held back), then the held
        /// failures in order. Under -ErrorAction Stop the first of them ends the command (WriteError throws). When
        /// every write returns (Inquire answered "Yes"), the run resumes with the queued items.
        /// Returns early, writing nothing more, when the run is stopped (Ctrl+C).
        /// </summary>
        private void Settle(IOperationsOutput output, bool resume)
        {
            var spin = new SpinWait();
            while (true)
            {
                WriteFinished(output);
                if (Started > _doneReceived)
                {
                    // Each started item posts exactly one completion, so one is still to come.
                    if (!WaitForMessages(1, wakeWhenHalted: false)) return;
                }
                else if (Volatile.Read(ref _running) > 0)
                {
                    // A worker between posting its completion and freeing its slot, or one that took a slot and is
                    // giving it back because the run is halted: a matter of instructions.
                    spin.SpinOnce();
                }
                else
                {
                    break;
                }
            }
            while (_heldFailures.Count > 0)
            {
                var (failure, engineItem) = _heldFailures.Dequeue();
                if (engineItem)
                {
                    _held--;
                    Completed++;
                }
                output.WriteFailure(failure);
            }
            if (!resume || _drained) return;
            Volatile.Write(ref _halted, 0);
            StartQueued();
        }
    }
}
