using System;

namespace OperationsModule.Core.Http.Throttling
{
    /// <summary>
    /// How many requests of one connection may be in flight: additive increase, multiplicative decrease
    /// (TCP congestion avoidance, RFC 5681): halve on a decrease of the send rate, grow by 1/limit per admitted request,
    /// so one more per limit's worth of successes. Starts at <see cref="Ceiling"/>, the most calls the connection's callers
    /// had in progress at once (the bulk engine bounds them by -ThrottleLimit), and follows it up until the first decrease:
    /// engaging teaches nothing about concurrency until a round that admitted something is refused. Not thread-safe (the gate's lock).
    /// </summary>
    /// <remarks>
    /// The send rate (<see cref="CubicSendRate"/>) bounds requests per second; this limit bounds requests at once.
    /// On a fast link the rate decides; on a slow one (each request taking a second), the limit keeps a
    /// throttling server from holding dozens of requests that are all going to be refused.
    /// </remarks>
    internal sealed class InFlightLimit
    {
        public const double Decrease = 0.5;

        private double _size;
        private bool _lowered;

        public InFlightLimit(int ceiling)
        {
            Ceiling = Math.Max(1, ceiling);
            _size = Ceiling;
        }

        public int Ceiling { get; private set; }

        public int Size => (int)_size;

        public void OnAdmitted() => _size = Math.Min(Ceiling, _size + 1 / _size);

        public void OnThrottled()
        {
            _size = Math.Max(1, _size * Decrease);
            _lowered = true;
        }

        /// <summary>
        /// More calls in progress than when the gate engaged: the limit's ceiling rises to them, and so does the limit
        /// itself while nothing has lowered it (until then it is the callers' concurrency, not a lesson).
        /// </summary>
        public void RaiseCeiling(int ceiling)
        {
            if (ceiling <= Ceiling) return;
            Ceiling = ceiling;
            if (!_lowered) _size = ceiling;
        }
    }
}
