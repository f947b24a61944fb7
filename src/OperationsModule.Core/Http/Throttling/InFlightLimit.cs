using System;

namespace OperationsModule.Core.Http.Throttling
{
    /// <summary>
    /// How many requests of one connection may be in flight: additive increase, multiplicative decrease
    /// (TCP congestion avoidance, RFC 5681): halve on a decrease of the send rate, grow by 1/limit per admitted request,
    /// so one more per limit's worth of successes. Starts at <see cref="Ceiling"/>, the most requests in flight before
    /// the gate engaged (the bulk engine already bounds it by -ThrottleLimit): engaging teaches nothing about
    /// concurrency until a round that admitted something is refused. Not thread-safe (the gate's lock).
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

        public InFlightLimit(int ceiling)
        {
            Ceiling = Math.Max(1, ceiling);
            _size = Ceiling;
        }

        public int Ceiling { get; }

        public int Size => (int)_size;

        public void OnAdmitted() => _size = Math.Min(Ceiling, _size + 1 / _size);

        public void OnThrottled() => _size = Math.Max(1, _size * Decrease);
    }
}
