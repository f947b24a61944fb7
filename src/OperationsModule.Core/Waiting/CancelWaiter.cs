using System;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Engine;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Models;
using OperationsModule.Core.Output;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Waiting
{
    /// <summary>
    /// Reads one accepted cancel's item until its state is final, backing off between reads. Reads of all items share
    /// one bound (at most ThrottleLimit requests at once), so many items waiting cost no more than a bulk cancel does.
    /// Tolerates what servers do meanwhile: gateway errors and dropped connections are read again; a 401 is renewed by
    /// the transport. Runs off the pipeline thread: it only writes to the log sink it is given.
    /// </summary>
    internal sealed class CancelWaiter : IDisposable
    {
        private readonly IItemStateReader _reader;
        private readonly WaitSchedule _schedule;
        private readonly SemaphoreSlim _reads;

        public CancelWaiter(IItemStateReader reader, WaitSchedule schedule, int concurrentReads)
        {
            if (concurrentReads < 1) throw new ArgumentOutOfRangeException(nameof(concurrentReads));
            _reader = reader;
            _schedule = schedule;
            _reads = new SemaphoreSlim(concurrentReads, concurrentReads);
        }

        /// <summary>Reads issued so far, over every item (for diagnostics and tests).</summary>
        public long Reads => Interlocked.Read(ref _readCount);

        private long _readCount;
        private int _reading;
        private int _peakReading;

        /// <summary>The most reads ever in flight at once: never above the bound given.</summary>
        public int PeakConcurrentReads => Volatile.Read(ref _peakReading);

        /// <summary>
        /// Waits for <paramref name="accepted"/>'s item and returns it with Status Cancelled, or the final state the item
        /// reached. Throws OperationsApiException: WaitTimedOut (the object then shows the last state read), or the
        /// failure that ended the wait.
        /// </summary>
        public async Task<CancellationResult> WaitAsync(CancellationResult accepted, ResolvedConnection connection, ILogSink log, CancellationToken cancellationToken)
        {
            var clock = _schedule.Clock;
            var deadline = new WaitDeadline(clock, _schedule.Timeout);
            var interval = _schedule.FirstInterval;
            ItemState? last = null;
            while (true)
            {
                var state = await ReadAsync(accepted, connection, last, log, cancellationToken).ConfigureAwait(false);
                if (state is not null)
                {
                    if (log.IsVerboseEnabled && state.State != last?.State)
                        log.WriteVerbose($"{accepted.System} {accepted.Kind} '{accepted.Id}' is {state.State}{(state.IsFinal ? " (final)" : string.Empty)}.");
                    last = state;
                    accepted.Status = state.IsCancelled ? "Cancelled" : state.State;
                    if (state.IsFinal)
                    {
                        accepted.ConfirmedAt = DateTimeOffset.Now;
                        return accepted;
                    }
                }
                if (deadline.NextPause(interval) is not { } pause) throw TimedOut(accepted, connection, last);
                await clock.Delay(pause, cancellationToken).ConfigureAwait(false);
                interval = _schedule.After(interval);
            }
        }

        private async Task<ItemState?> ReadAsync(CancellationResult accepted, ResolvedConnection connection, ItemState? last, ILogSink log, CancellationToken cancellationToken)
        {
            var request = _reader.BuildRequest(connection.Session, accepted.Id);
            ApiResponse response;
            await _reads.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                Interlocked.Increment(ref _readCount);
                RaisePeak(Interlocked.Increment(ref _reading));
                response = await connection.Transport.SendAsync(request, log, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationsApiException ex) when (ex.ErrorId == ErrorIds.ConnectionFailed || ex.ErrorId == ErrorIds.Timeout)
            {
                // The cancel was accepted; a read that got no answer says nothing about the item. Read again.
                if (log.IsVerboseEnabled) log.WriteVerbose($"Reading {accepted.Kind} '{accepted.Id}' got no answer ({ex.ErrorId}); reading again.");
                return null;
            }
            finally
            {
                Interlocked.Decrement(ref _reading);
                _reads.Release();
            }
            var state = _reader.Read(request, response, accepted.Id, last);
            if (state is null && log.IsVerboseEnabled)
                log.WriteVerbose($"Reading {accepted.Kind} '{accepted.Id}' answered {response.StatusCode}; reading again.");
            return state;
        }

        private void RaisePeak(int reading)
        {
            int peak;
            while (reading > (peak = Volatile.Read(ref _peakReading)) && Interlocked.CompareExchange(ref _peakReading, reading, peak) != peak) { }
        }

        private OperationsApiException TimedOut(CancellationResult accepted, ResolvedConnection connection, ItemState? last)
        {
            var state = last is null ? "no state could be read" : $"it was still {last.State}";
            var request = _reader.BuildRequest(connection.Session, accepted.Id);
            return new OperationsApiException(
                $"The cancel of {accepted.System} {accepted.Kind} '{accepted.Id}' was accepted, but within {_schedule.Timeout.TotalSeconds:0.###} s (-WaitTimeoutSec) {state}. The cancel may still take effect on the server {connection.Session.BaseUri}.",
                ErrorIds.WaitTimedOut, ErrorCategoryName.OperationTimeout)
            {
                Method = request.Method.Method,
                RequestUri = request.Uri,
                RecommendedAction = $"Read its state later with: {_reader.ReadAgainCommand(accepted.Id, connection.Names)}; or give a longer -WaitTimeoutSec.",
            };
        }

        public void Dispose() => _reads.Dispose();
    }
}
