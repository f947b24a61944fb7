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
    /// the connection's rate and in-flight limit stay, unless the connection is already paced (it was limited before), where a
    /// first refusal is the sign of sending just above the limit and lowers the rate once per round
    /// (<see cref="ThrottleVerdict.Rate"/>), again without holding anyone else. While fewer answers than that have come
    /// and other requests are in flight, a refusal is <see cref="ThrottleVerdict.Undecided"/>.</para>
    /// <para><b>Recovery.</b> A hold in a second that admitted nothing (an outage) changes neither rate nor in-flight limit: it
    /// teaches nothing about the server's rate; nor does any later hold of the same episode (holds less than
    /// <see cref="EpisodeGapSeconds"/> of open gate apart), such as the late refusals as the outage ends. A hold in a second that admitted some drops the rate to what was
    /// admitted, remembers the best rate before, and slow start returns to it within a second or two of admissions
    /// (<see cref="CubicSendRate.OnHold"/>).</para>
    /// </remarks>
    internal sealed partial class ThrottleGate
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
        private readonly RecentAnswers _answers = new RecentAnswers();

        // Before the gate engages: counted lock-free.
        private volatile bool _engaged;
        private int _inFlight;
        private int _peakInFlight;
        private int _calls;
        private int _peakCalls;

        // From engagement on: under _sync.
        private CubicSendRate? _rate;
        private InFlightLimit? _inFlightLimit;
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

        /// <summary>Calls to the server in progress now (see <see cref="CallStarted"/>).</summary>
        internal int CallsInProgress => Volatile.Read(ref _calls);

        /// <summary>Requests per second allowed now, or null while unlimited.</summary>
        public double? Rate
        {
            get { lock (_sync) return _rate?.Rate; }
        }

        /// <summary>Requests allowed in flight at once now, or null while only -ThrottleLimit bounds them.</summary>
        public int? Concurrency
        {
            get { lock (_sync) return _inFlightLimit?.Size; }
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

        /// <summary>One more request on the wire; the most ever in flight sizes the evidence.</summary>
        private void CountSent() => RaisePeak(ref _peakInFlight, Interlocked.Increment(ref _inFlight));

        /// <summary>
        /// A call to the server begins (its attempts, their waits for the connection and its own back-offs all within it).
        /// The most calls in progress at once are what the callers want on the wire: the ceiling of the in-flight limit.
        /// Counted apart from the attempts in flight because how many of those overlap depends on how fast answers come
        /// back against how fast new calls start, which says nothing about what the callers want (on a busy machine an
        /// outage that refused at once saw 23 of 32 callers' attempts on the wire together).
        /// </summary>
        internal void CallStarted()
        {
            if (!RaisePeak(ref _peakCalls, Interlocked.Increment(ref _calls)) || !_engaged) return;
            lock (_sync) _inFlightLimit!.RaiseCeiling(Volatile.Read(ref _peakCalls));
        }

        internal void CallEnded() => Interlocked.Decrement(ref _calls);

        /// <summary>Raises <paramref name="peak"/> to <paramref name="value"/> if below; true if it did. Never loses a higher value to a race.</summary>
        private static bool RaisePeak(ref int peak, int value)
        {
            int seen;
            while (value > (seen = Volatile.Read(ref peak)))
            {
                if (Interlocked.CompareExchange(ref peak, value, seen) == seen) return true;
            }
            return false;
        }

        private int CallersWant => Math.Max(1, Math.Max(Volatile.Read(ref _peakInFlight), Volatile.Read(ref _peakCalls)));

        private void Engage()
        {
            if (_engaged) return;
            _inFlightLimit = new InFlightLimit(CallersWant);
            _rate = new CubicSendRate();
            _engaged = true;
            // A call that raised its peak just before _engaged was set saw the gate unengaged: taken in here.
            _inFlightLimit.RaiseCeiling(CallersWant);
        }

        private string Limits()
        {
            var text = "at most " + Output.Counted.Of(_inFlightLimit!.Size, "request") + " at a time, ";
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
