using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Http.Throttling
{
    /// <summary>The gate's admission side: when a request may go (the Retry-After hold, the pacing, the in-flight limit, the announced quota).</summary>
    internal sealed partial class ThrottleGate
    {
        /// <summary>Before the gate engages: no wait, just counting. Returns the send time for <see cref="Complete"/>.</summary>
        internal double EnterUnpaced()
        {
            CountSent();
            // Refusals of unpaced requests never count as a new round once pacing started.
            return double.NegativeInfinity;
        }

        /// <summary>
        /// Waits until the gate is open, a place under the in-flight limit is free, the pacing allows a send and the announced quota
        /// has one left; returns the send time. One request at a time waits at the head (first come, first served), so a
        /// slot always reflects the limits of the moment it is taken, never slower ones from when the request arrived.
        /// </summary>
        internal async Task<double> WaitTurnAsync(Uri uri, ILogSink log, CancellationToken cancellationToken)
        {
            await _head.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                while (true)
                {
                    if (TryTakeTurn(uri, log, out var wait, out var slotFreed) is { } sentAt) return sentAt;
                    if (slotFreed is not null)
                    {
                        await Task.WhenAny(slotFreed, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                    else
                    {
                        // Rounded up to a whole tick: a wait truncated to zero would never reach the slot.
                        await _clock.Delay(TimeSpan.FromTicks(Math.Max(1, (long)Math.Ceiling(wait * TimeSpan.TicksPerSecond))), cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            finally
            {
                _head.Release();
            }
        }

        /// <summary>
        /// One look at the gate under the lock: the send time when this request may go now; else how long to wait, or
        /// the task that completes when a place under the in-flight limit frees.
        /// </summary>
        internal double? TryTakeTurn(Uri uri, ILogSink log, out double wait, out Task? slotFreed)
        {
            slotFreed = null;
            lock (_sync)
            {
                var now = Now();
                wait = _closedUntil - now;
                if (wait > 0) return null;
                AnnounceReopen(uri, log, now);
                var interval = _rate?.Rate is { } rate ? 1 / rate : 0;
                // A late wake-up may catch up by two slots at most: a longer burst would meet the server's limit.
                var at = Math.Max(_nextSend, now - 2 * interval);
                if (Volatile.Read(ref _inFlight) >= _inFlightLimit!.Size)
                {
                    slotFreed = (_slotFreed ??= new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
                    return null;
                }
                if (at > now)
                {
                    wait = at - now;
                    return null;
                }
                if (_quota.Known && (wait = _quota.TryTake(now, Volatile.Read(ref _inFlight))) > 0) return null;
                _nextSend = at + interval;
                CountSent();
                return now;
            }
        }

        private void AnnounceReopen(Uri uri, ILogSink log, double now)
        {
            if (_reopenAnnounced) return;
            _reopenAnnounced = true;
            if (log.IsVerboseEnabled)
                log.WriteVerbose(string.Format(CultureInfo.InvariantCulture, "{0}: sending again after holding requests back {1:0.0} s; {2}.", uri.Authority, now - _closedAt, Limits()));
        }
    }
}
