using System;

namespace OperationsModule.Core.Http.Throttling
{
    /// <summary>
    /// How many requests of one connection may be in flight: additive increase, multiplicative decrease
    /// (TCP congestion avoidance, RFC 5681): halve on a decrease of the send rate, grow by 1/window per admitted request,
    /// so one more per window's worth of successes. Starts at <see cref="Ceiling"/>, the most requests in flight before
    /// the gate engaged (the bulk engine already bounds it by -ThrottleLimit): engaging teaches nothing about
    /// concurrency until a round that admitted something is refused. Not thread-safe (the gate's lock).
    /// </summary>
    /// <remarks>
    /// The send rate (<see cref="CubicSendRate"/>) bounds requests per second; the window bounds requests at once.
    /// On a fast link the rate decides; on a slow one (each request taking a second), the window keeps a
    /// throttling server from holding dozens of requests that are all going to be refused.
    /// </remarks>
    internal sealed class AimdWindow
    {
        public const double Decrease = 0.5;

        private double _window;

        public AimdWindow(int ceiling)
        {
            Ceiling = Math.Max(1, ceiling);
            _window = Ceiling;
        }

        public int Ceiling { get; }

        public int Size => (int)_window;

        public void OnAdmitted() => _window = Math.Min(Ceiling, _window + 1 / _window);

        public void OnThrottled() => _window = Math.Max(1, _window * Decrease);
    }
}
