using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Engine;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Http.Throttling
{
    /// <summary>
    /// One per connection (per HttpClient, so per session and per -BaseUri invocation): every request to the
    /// server passes it. A throttle (429, or 503 with Retry-After) closes it until the Retry-After has passed for
    /// every request, not only the refused one; requests already in flight finish normally. From the first
    /// throttle on it also paces requests (<see cref="CubicSendRate"/>) and bounds how many are in flight
    /// (<see cref="AimdWindow"/>). Until then it costs two interlocked counts per request.
    /// </summary>
    public sealed class ThrottleGate
    {
        private readonly object _sync = new object();
        private IWaitClock _clock = SystemWaitClock.Instance;
        private DateTimeOffset _origin = SystemWaitClock.Instance.UtcNow;

        // Before the first throttle: counted lock-free.
        private volatile bool _engaged;
        private int _inFlight;
        private int _peakInFlight;
        private long _admitted;
        private long _firstSentTicks;

        // From the first throttle on: under _sync.
        private CubicSendRate? _rate;
        private AimdWindow? _window;
        private double _closedUntil;
        private double _closedAt;
        private bool _reopenAnnounced = true;
        private double _nextSend;
        private TaskCompletionSource<bool>? _slotFreed;
        private readonly SemaphoreSlim _head = new SemaphoreSlim(1, 1);

        /// <summary>The clock for holds and pacing; tests set a virtual one before the first request.</summary>
        internal IWaitClock Clock
        {
            get => _clock;
            set
            {
                _clock = value;
                _origin = value.UtcNow;
            }
        }

        /// <summary>True once the server has throttled: requests are paced and counted from then on.</summary>
        public bool IsEngaged => _engaged;

        /// <summary>Requests on the wire now.</summary>
        public int InFlight => Volatile.Read(ref _inFlight);

        /// <summary>Requests per second allowed now, or null while unlimited.</summary>
        public double? Rate
        {
            get { lock (_sync) return _rate?.Rate; }
        }

        /// <summary>Requests allowed in flight at once now, or null while only -ThrottleLimit bounds them.</summary>
        public int? Concurrency
        {
            get { lock (_sync) return _window?.Size; }
        }

        /// <summary>True while the server's Retry-After holds every request back.</summary>
        public bool IsClosed
        {
            get { lock (_sync) return _engaged && Now() < _closedUntil; }
        }

        /// <summary>For the progress bar: what throttling does now, or null when the server never throttled.</summary>
        public string? Describe()
        {
            if (!_engaged) return null;
            lock (_sync)
            {
                var held = _closedUntil - Now();
                var limits = Limits();
                return held > 0
                    ? string.Format(CultureInfo.InvariantCulture, "throttled by the server: all requests held back {0:0.0} s more, then {1}", held, limits)
                    : "throttled by the server: " + limits;
            }
        }

        /// <summary>Before the first throttle: no wait, just counting. Returns the send time for <see cref="Complete"/>.</summary>
        internal double EnterUnpaced()
        {
            var running = Interlocked.Increment(ref _inFlight);
            if (running > Volatile.Read(ref _peakInFlight)) Volatile.Write(ref _peakInFlight, running);
            if (Volatile.Read(ref _firstSentTicks) == 0) Interlocked.CompareExchange(ref _firstSentTicks, _clock.UtcNow.UtcTicks, 0);
            // Refusals of unpaced requests never count as a new round once pacing started.
            return double.NegativeInfinity;
        }

        /// <summary>
        /// Waits until the gate is open, a place in the window is free and the pacing allows a send; returns the
        /// send time. One request at a time waits at the head (first come, first served), so a slot always
        /// reflects the rate of the moment it is taken, never a slower rate from when the request arrived.
        /// </summary>
        internal async Task<double> WaitTurnAsync(Uri uri, ILogSink log, CancellationToken cancellationToken)
        {
            await _head.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                while (true)
                {
                    double wait;
                    Task? slotFreed = null;
                    lock (_sync)
                    {
                        var now = Now();
                        if (now < _closedUntil)
                        {
                            wait = _closedUntil - now;
                        }
                        else
                        {
                            AnnounceReopen(uri, log, now);
                            var interval = 1 / _rate!.Rate!.Value;
                            // A late wake-up may catch up by two slots at most: a longer burst would meet the server's limit.
                            var at = Math.Max(_nextSend, now - 2 * interval);
                            if (Volatile.Read(ref _inFlight) >= _window!.Size)
                            {
                                slotFreed = (_slotFreed ??= new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
                                wait = 0;
                            }
                            else if (at <= now)
                            {
                                _nextSend = at + interval;
                                Interlocked.Increment(ref _inFlight);
                                return now;
                            }
                            else
                            {
                                wait = at - now;
                            }
                        }
                    }
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
        /// A request's answer: <paramref name="throttled"/> for 429 or 503 with Retry-After, else the server
        /// admitted it; null when no answer came (timeout, reset): that tells nothing about the server's limit.
        /// </summary>
        internal void Complete(double sentAt, bool? throttled, TimeSpan? retryAfter, TimeSpan maximumHold, Uri uri, ILogSink log)
        {
            if (!_engaged && throttled != true)
            {
                Interlocked.Decrement(ref _inFlight);
                if (throttled == false) Interlocked.Increment(ref _admitted);
                // The gate may have engaged meanwhile, with a request waiting for this place in the window.
                if (_engaged) WakeWaiters();
                return;
            }
            lock (_sync)
            {
                Interlocked.Decrement(ref _inFlight);
                var now = Now();
                if (throttled == true) OnThrottled(now, sentAt, retryAfter, maximumHold, uri, log);
                else if (throttled == false && _engaged)
                {
                    Interlocked.Increment(ref _admitted);
                    _rate!.OnAdmitted(now, sentAt);
                    _window!.OnAdmitted();
                }
            }
            WakeWaiters();
        }

        /// <summary>Requests the server admitted so far (any answer but a throttle).</summary>
        public long Admissions => Interlocked.Read(ref _admitted);

        /// <summary>
        /// Whether a throttled attempt is retried free of -MaximumRetryCount: only while the server keeps admitting
        /// other requests, that is, it admitted one since this request's previous refusal (or ever, at its first).
        /// <paramref name="admissionsAtLastRefusal"/> is the request's own memory: null before its first refusal.
        /// </summary>
        internal bool OthersGotThrough(ref long? admissionsAtLastRefusal)
        {
            var admissions = Admissions;
            var gotThrough = admissions > (admissionsAtLastRefusal ?? 0);
            admissionsAtLastRefusal = admissions;
            return gotThrough;
        }

        private void OnThrottled(double now, double sentAt, TimeSpan? retryAfter, TimeSpan maximumHold, Uri uri, ILogSink log)
        {
            if (!_engaged)
            {
                _window = new AimdWindow(Volatile.Read(ref _peakInFlight), Volatile.Read(ref _inFlight) + 1);
                _rate = new CubicSendRate();
                _engaged = true;
            }
            var hold = retryAfter is { } asked ? Math.Min(asked.TotalSeconds, maximumHold.TotalSeconds) : 0;
            // Said once per hold: later refusals of requests already in flight only stretch it.
            var closes = hold > 0 && now >= _closedUntil;
            if (hold > 0 && now + hold > _closedUntil)
            {
                if (closes) _closedAt = now;
                _closedUntil = now + hold;
                _reopenAnnounced = false;
            }
            var first = _rate!.Rate is null;
            var decreased = _rate.OnThrottled(now, sentAt, Math.Max(now, _closedUntil), EarlyAdmittedPerSecond(now));
            if (decreased)
            {
                if (!first) _window!.OnThrottled();
                _nextSend = Math.Max(_nextSend, _closedUntil);
            }
            if ((closes || decreased) && log.IsVerboseEnabled)
            {
                log.WriteVerbose(string.Format(CultureInfo.InvariantCulture,
                    "{0}: the server throttled{1}; {2}.",
                    uri.Authority,
                    hold > 0 ? $" and asked to wait {hold:0.###} s: holding back every request to it until then" : " (no Retry-After)",
                    Limits()));
            }
        }

        private void AnnounceReopen(Uri uri, ILogSink log, double now)
        {
            if (_reopenAnnounced) return;
            _reopenAnnounced = true;
            if (log.IsVerboseEnabled)
                log.WriteVerbose(string.Format(CultureInfo.InvariantCulture, "{0}: sending again after holding requests back {1:0.0} s; {2}.", uri.Authority, now - _closedAt, Limits()));
        }

        private string Limits() => string.Format(CultureInfo.InvariantCulture, "at most {0} requests at a time, {1:0.#} requests/s", _window!.Size, _rate!.Rate);

        /// <summary>The first rate: what the server admitted per second before it first throttled.</summary>
        private long EarlyAdmittedPerSecond(double now)
        {
            var first = Volatile.Read(ref _firstSentTicks);
            var elapsed = first == 0 ? 0 : now - (new DateTimeOffset(first, TimeSpan.Zero) - _origin).TotalSeconds;
            return (long)(Interlocked.Read(ref _admitted) / Math.Max(1, elapsed));
        }

        private void WakeWaiters()
        {
            TaskCompletionSource<bool>? waiters;
            lock (_sync)
            {
                waiters = _slotFreed;
                _slotFreed = null;
            }
            waiters?.TrySetResult(true);
        }

        private double Now() => (_clock.UtcNow - _origin).TotalSeconds;
    }
}
