using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Engine;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Http.Throttling
{
    /// <summary>
    /// One per connection (per HttpClient, so per session and per -BaseUri invocation): every request to the server
    /// passes it. Until the server limits the connection it costs the in-flight count and one ring write per request.
    /// </summary>
    /// <remarks>
    /// <para><b>Announced limits first.</b> When answers carry a quota (<see cref="AnnouncedLimitParser"/>), the gate
    /// spends it (<see cref="QuotaBudget"/>): never more sent than remain before the reset, spread over the window.</para>
    /// <para><b>Detection: which refusals are about the connection</b> (429, or 503 with Retry-After). After Google SRE's
    /// client-side adaptive throttling (K = 2): a refusal is connection-wide when, among the connection's newest answers
    /// (twice the most requests ever in flight, 16 to 64), refusals outnumber admissions (accepted share below 1/K), with
    /// at least <see cref="EvidenceNeeded"/> answers and two refusals. Only an item's first refusal is evidence: its
    /// repeats say something about that item, not about the server's rate, so one stubborn item never makes the share.
    /// Only answers after the last hold are evidence: the refusals before it are what the hold answered (counting them
    /// again held a 50/s run a second time, for a second, on one refusal after the first). A refusal that arrives while
    /// the gate is held is of a request sent before the hold, and stretches it.
    /// A connection-wide refusal holds every request for its Retry-After together (<see cref="ThrottleVerdict.Hold"/>).
    /// Any other refusal is the item's (<see cref="ThrottleVerdict.Item"/>): the item waits its own Retry-After and
    /// the connection's rate and window stay, unless the connection is already paced (it was limited before), where a
    /// first refusal is the sign of sending just above the limit and lowers the rate once per round
    /// (<see cref="ThrottleVerdict.Rate"/>), again without holding anyone else. While fewer answers than that have come
    /// and other requests are in flight, a refusal is <see cref="ThrottleVerdict.Undecided"/>.</para>
    /// <para><b>Recovery.</b> A hold in a second that admitted nothing (an outage) changes neither rate nor window: it
    /// teaches nothing about the server's rate; nor does any later hold of the same episode (holds less than
    /// <see cref="EpisodeGapSeconds"/> of open gate apart), such as the late refusals as the outage ends. A hold in a second that admitted some drops the rate to what was
    /// admitted, remembers the best rate before, and slow start returns to it within a second or two of admissions
    /// (<see cref="CubicSendRate.OnHold"/>).</para>
    /// </remarks>
    internal sealed class ThrottleGate
    {
        /// <summary>Google SRE's K: throttle only when the server accepts less than 1/K of the requests.</summary>
        public const int K = 2;

        /// <summary>
        /// Fewer answers than this are no evidence of a connection-wide limit: as many as the most requests ever in flight
        /// ("most concurrent requests refused"), at least 8 and at most 16 (at 16, item refusals of one in five make a
        /// false majority about once in a thousand).
        /// </summary>
        public const int MinimumEvidence = 8;

        public const int MaximumEvidence = 16;

        internal int EvidenceNeeded => Math.Max(MinimumEvidence, Math.Min(MaximumEvidence, Volatile.Read(ref _peakInFlight)));

        /// <summary>An open gate this long without a connection-wide refusal ends an episode.</summary>
        public const double EpisodeGapSeconds = 1;

        private readonly object _sync = new object();
        private IWaitClock _clock = SystemWaitClock.Instance;
        private DateTimeOffset _origin = SystemWaitClock.Instance.UtcNow;
        private readonly AnswerWindow _answers = new AnswerWindow();

        // Before the gate engages: counted lock-free.
        private volatile bool _engaged;
        private int _inFlight;
        private int _peakInFlight;

        // From engagement on: under _sync.
        private CubicSendRate? _rate;
        private AimdWindow? _window;
        private readonly QuotaBudget _quota = new QuotaBudget();
        private double _closedUntil = double.NegativeInfinity;

        /// <summary>The last hold's end: the refusals before it are what that hold answered, no evidence after it.</summary>
        private double _evidenceSince = double.NegativeInfinity;
        private bool _outage;
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

        /// <summary>True once the server limited the connection or announced a quota: requests pass the paced path from then on.</summary>
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

        /// <summary>For the progress bar: what throttling does now, or null when the server never limited the connection.</summary>
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

        /// <summary>Before the gate engages: no wait, just counting. Returns the send time for <see cref="Complete"/>.</summary>
        internal double EnterUnpaced()
        {
            CountSent();
            // Refusals of unpaced requests never count as a new round once pacing started.
            return double.NegativeInfinity;
        }

        /// <summary>
        /// Waits until the gate is open, a place in the window is free, the pacing allows a send and the announced quota
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
        /// the task that completes when a place in the window frees.
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
                if (Volatile.Read(ref _inFlight) >= _window!.Size)
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

        /// <summary>
        /// A request's answer: <paramref name="throttled"/> for 429 or 503 with Retry-After, else the server admitted it;
        /// null when no answer came (timeout, reset): that tells nothing about the server's limit.
        /// <paramref name="repeat"/>: this request was refused before (its refusals after the first are no evidence).
        /// <paramref name="announced"/>: the quota the answer's headers announced, if any.
        /// </summary>
        internal ThrottleVerdict Complete(double sentAt, bool? throttled, TimeSpan? retryAfter, TimeSpan maximumHold, Uri uri, ILogSink log, bool repeat = false, AnnouncedLimit? announced = null)
        {
            if (!_engaged && throttled != true && announced is null)
            {
                Interlocked.Decrement(ref _inFlight);
                if (throttled == false) _answers.Add(Now(), refused: false);
                // The gate may have engaged meanwhile, with a request waiting for this place in the window.
                if (_engaged) WakeWaiters();
                return ThrottleVerdict.None;
            }
            var verdict = ThrottleVerdict.None;
            lock (_sync)
            {
                var now = Now();
                Interlocked.Decrement(ref _inFlight);
                if (announced is { } quota)
                {
                    Engage();
                    _quota.Update(quota, now, Volatile.Read(ref _inFlight), maximumHold.TotalSeconds, sentAt);
                }
                if (throttled == true)
                {
                    verdict = OnThrottled(now, sentAt, retryAfter, maximumHold, uri, log, repeat);
                }
                else if (throttled == false)
                {
                    _answers.Add(now, refused: false);
                    _rate?.OnAdmitted(now, sentAt);
                    if (_rate?.Rate is not null) _window?.OnAdmitted();
                }
            }
            WakeWaiters();
            return verdict;
        }

        /// <summary>The detection rule (see the class remarks), under the lock.</summary>
        private ThrottleVerdict OnThrottled(double now, double sentAt, TimeSpan? retryAfter, TimeSpan maximumHold, Uri uri, ILogSink log, bool repeat)
        {
            if (!repeat) _answers.Add(now, refused: true);
            var (refused, total) = _answers.Recent(Math.Max(16, Math.Min(64, 2 * Volatile.Read(ref _peakInFlight))), _evidenceSince);
            // While held, a refusal is of a request sent before the hold: the hold already answers it (and stretches to its Retry-After).
            var connectionWide = now < _closedUntil || (total >= EvidenceNeeded && refused >= 2 && refused * K > total);
            return connectionWide ? HoldAll(now, sentAt, retryAfter, maximumHold, uri, log) : OnItemRefusal(now, sentAt, total, uri, log, repeat);
        }

        /// <summary>A refusal that is not (yet) about the whole connection: the item's, or the paced connection's rate.</summary>
        private ThrottleVerdict OnItemRefusal(double now, double sentAt, int total, Uri uri, ILogSink log, bool repeat)
        {
            if (_rate?.Rate is not null)
            {
                // Paced since an earlier limit: a first refusal is the sign of sending just above it; a repeat is
                // likelier the same limit than the item, and lowers nothing, except that it ends slow start: the items
                // a hold kept back are retried first, so refusals after a hold are repeats, and ramping on through
                // them took a 50/s server's rate to three times its limit.
                if ((!repeat || _rate.InSlowStart) && _rate.OnThrottled(now, sentAt))
                {
                    _window!.OnThrottled();
                    if (log.IsVerboseEnabled)
                        log.WriteVerbose(string.Format(CultureInfo.InvariantCulture, "{0}: the server refused a request while admitting others: sending slower; {1}.", uri.Authority, Limits()));
                }
                return ThrottleVerdict.Rate;
            }
            // Too few answers yet to tell, with others in flight whose answers will: the refusal is not held against
            // the item (within MaximumThrottleWait). A lone request (nothing else in flight) is judged on what there is.
            if (total < EvidenceNeeded && Volatile.Read(ref _inFlight) > 0) return ThrottleVerdict.Undecided;
            return ThrottleVerdict.Item;
        }

        /// <summary>A connection-wide refusal: every request waits out the Retry-After together (see the class remarks on recovery).</summary>
        private ThrottleVerdict HoldAll(double now, double sentAt, TimeSpan? retryAfter, TimeSpan maximumHold, Uri uri, ILogSink log)
        {
            Engage();
            var admitted = _answers.AdmittedPerSecond(now);
            // An episode: connection-wide refusals with less than a second of open gate between them. One that began in a
            // second that admitted nothing is an outage, and stays one when admissions resume (the late refusals of
            // requests sent before they did): none of its holds teaches anything about the rate.
            if (now > _closedUntil + EpisodeGapSeconds) _outage = admitted == 0;
            var hold = retryAfter is { } asked ? Math.Min(asked.TotalSeconds, maximumHold.TotalSeconds) : 0;
            // Said once per hold: later refusals of requests already in flight only stretch it.
            var closes = hold > 0 && now >= _closedUntil;
            if (hold > 0 && now + hold > _closedUntil)
            {
                if (closes) _closedAt = now;
                _closedUntil = now + hold;
                _evidenceSince = _closedUntil;
                _reopenAnnounced = false;
            }
            // A second that admitted nothing (an outage) teaches nothing about the rate: it stays as it was.
            var decreased = admitted > 0 && !_outage && _rate!.OnHold(now, sentAt, Math.Max(now, _closedUntil), admitted);
            if (decreased)
            {
                _window!.OnThrottled();
                _nextSend = Math.Max(_nextSend, _closedUntil);
            }
            if ((closes || decreased) && log.IsVerboseEnabled)
            {
                log.WriteVerbose(string.Format(CultureInfo.InvariantCulture,
                    "{0}: the server refused most requests{1}; {2}.",
                    uri.Authority,
                    hold > 0 ? $" and asked to wait {hold:0.###} s: holding back every request to it until then" : " (no Retry-After)",
                    Limits()));
            }
            return ThrottleVerdict.Hold;
        }

        /// <summary>One more request on the wire; the most ever in flight sizes the evidence and the window.</summary>
        private void CountSent()
        {
            var running = Interlocked.Increment(ref _inFlight);
            if (running > Volatile.Read(ref _peakInFlight)) Volatile.Write(ref _peakInFlight, running);
        }

        private void Engage()
        {
            if (_engaged) return;
            _window = new AimdWindow(Math.Max(1, Volatile.Read(ref _peakInFlight)));
            _rate = new CubicSendRate();
            _engaged = true;
        }

        private void AnnounceReopen(Uri uri, ILogSink log, double now)
        {
            if (_reopenAnnounced) return;
            _reopenAnnounced = true;
            if (log.IsVerboseEnabled)
                log.WriteVerbose(string.Format(CultureInfo.InvariantCulture, "{0}: sending again after holding requests back {1:0.0} s; {2}.", uri.Authority, now - _closedAt, Limits()));
        }

        private string Limits()
        {
            var text = "at most " + Output.Counted.Of(_window!.Size, "request") + " at a time, ";
            text += _rate!.Rate is { } rate ? string.Format(CultureInfo.InvariantCulture, "{0:0.#} requests/s", rate) : "no rate limit";
            if (_quota.Known)
                text += string.Format(CultureInfo.InvariantCulture, ", {0:0} left of the server's announced quota", Math.Max(0, _quota.Left));
            return text;
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
