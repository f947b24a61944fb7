using System;
using System.Collections.Generic;
using System.Threading;
using OperationsModule.Core.Engine;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Waiting
{
    /// <summary>
    /// The -Wait stage of a Stop- command. The cancel engine writes into <see cref="Intake"/>: an accepted cancel goes
    /// on to be read until final (its result is written only then), while a failed cancel's error passes straight
    /// through and is never read. Items wait in a second bulk engine, so every accepted cancel still yields exactly
    /// one object (Cancelled, or the final state reached) or one error (WaitTimedOut with the last state, or the read's
    /// failure); their reads share the ThrottleLimit bound. Write-Progress shows the counts. A run stopped before the
    /// end names the accepted cancels it did not confirm in one warning (<see cref="UnconfirmedCancels"/>).
    /// </summary>
    internal sealed class CancelConfirmation : IDisposable
    {
        /// <summary>Write-Progress activity ID of the wait: apart from the cancel's own bar (6001).</summary>
        public const int ProgressActivityId = 6007;

        /// <summary>Items waited for at once, at least: waiting costs a timer, not a request, so it exceeds ThrottleLimit.</summary>
        public const int MinimumWaiting = 64;

        private readonly CancelWaiter _waiter;
        private readonly BulkEngine _engine;
        private readonly IOperationsOutput _output;
        private readonly BulkProgress _progress;
        private readonly CountingOutput _counted;
        private readonly UnconfirmedCancels _unconfirmed;

        public CancelConfirmation(IItemStateReader reader, WaitSchedule schedule, int throttleLimit, string what, IOperationsOutput output, CancellationToken cancellationToken)
        {
            _output = output;
            _waiter = new CancelWaiter(reader, schedule, throttleLimit);
            _engine = new BulkEngine(Math.Max(throttleLimit * 4, MinimumWaiting), cancellationToken);
            _progress = new BulkProgress(ProgressActivityId, $"Waiting for cancelled {what} items to stop", schedule.Clock);
            _unconfirmed = new UnconfirmedCancels(reader, what, cancellationToken);
            _counted = new CountingOutput(output, _unconfirmed);
            Intake = new IntakeOutput(this);
        }

        /// <summary>The port the cancel engine writes to.</summary>
        public IOperationsOutput Intake { get; }

        /// <summary>The waiter, for diagnostics and tests (reads issued).</summary>
        public CancelWaiter Waiter => _waiter;

        /// <summary>Accepted cancels whose final state (or timeout) is written.</summary>
        public long Confirmed => _counted.Written;

        private bool Accept(AcceptedCancel accepted)
        {
            var result = accepted.Result;
            _unconfirmed.Accepted(result, accepted.Connection);
            var added = _engine.Add(result, (log, token) => _waiter.WaitAsync(result, accepted.Connection, log, token), _counted);
            Report();
            return added;
        }

        /// <summary>
        /// Accepted cancels the cancel engine finished but never handed over, because the run stopped: named in the
        /// warning with the ones still waiting.
        /// </summary>
        public void StoppedBeforeWaiting(IEnumerable<AcceptedCancel> accepted)
        {
            foreach (var item in accepted) _unconfirmed.Accepted(item.Result, item.Connection);
        }

        /// <summary>Writes what was confirmed meanwhile.</summary>
        public void Flush()
        {
            _engine.Flush(_counted);
            Report();
        }

        /// <summary>Waits until every accepted cancel is confirmed or timed out. False when the run was stopped.</summary>
        public bool Complete()
        {
            // Each result updates the bar, so the counts keep moving while the last items stop.
            if (!_engine.Complete(new ReportingOutput(_counted, Report))) return false;
            _progress.Finish(_output);
            return true;
        }

        private void Report() => _progress.Report(_output, _counted.Written, _engine.InFlight);

        public void Dispose()
        {
            // Nothing is pending after a whole run: every accepted cancel was written, confirmed or as an error.
            if (_unconfirmed.Warning() is { } warning) _output.WriteWarning(warning);
            _engine.Dispose();
            _waiter.Dispose();
        }

        /// <summary>Everything passes through, except accepted cancels: those are waited for.</summary>
        private sealed class IntakeOutput : ForwardingOutput
        {
            private readonly CancelConfirmation _owner;

            public IntakeOutput(CancelConfirmation owner)
                : base(owner._output)
            {
                _owner = owner;
            }

            public override void WriteObject(object item)
            {
                if (item is AcceptedCancel accepted) _owner.Accept(accepted);
                else base.WriteObject(item);
            }

            /// <summary>
            /// A failure that ends the command (-ErrorAction Stop) comes after every cancel the server accepted: those
            /// are confirmed and written first, so none is left out of the output.
            /// </summary>
            public override void WriteFailure(Failure failure)
            {
                if (ErrorAction.StopsAtFailure(_owner._output)) _owner.Complete();
                base.WriteFailure(failure);
            }
        }

        /// <summary>Counts the results written (confirmed or failed), for the progress bar; marks them confirmed.</summary>
        private sealed class CountingOutput : ForwardingOutput
        {
            private readonly UnconfirmedCancels _unconfirmed;

            public CountingOutput(IOperationsOutput inner, UnconfirmedCancels unconfirmed)
                : base(inner)
            {
                _unconfirmed = unconfirmed;
            }

            public long Written { get; private set; }

            public override void WriteObject(object item)
            {
                Written++;
                // Marked also when the write throws: a downstream Select-Object -First ends the pipeline from within
                // the write of the object it took. A Ctrl+C that dropped the object stopped the run first: it stays named.
                try
                {
                    base.WriteObject(item);
                }
                finally
                {
                    _unconfirmed.Written(item);
                }
            }

            public override void WriteFailure(Failure failure)
            {
                Written++;
                // Before the write: under -ErrorAction Stop the write throws, and the error shown is this item's.
                _unconfirmed.Written(failure.TargetObject);
                base.WriteFailure(failure);
            }
        }
    }
}
