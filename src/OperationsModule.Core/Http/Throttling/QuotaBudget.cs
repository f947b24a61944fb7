using System;

namespace OperationsModule.Core.Http.Throttling
{
    /// <summary>
    /// The quota the server announced (<see cref="AnnouncedLimitParser"/>), spent by the gate. Rules:
    /// <list type="bullet">
    /// <item>Never more requests sent than the quota has left before its reset: an answer saying n remain leaves n
    /// minus the requests still in flight (they will spend theirs), and each send takes one.</item>
    /// <item>Spread, not spent at once: at most left / (seconds to reset) requests per second, so the quota lasts the
    /// window; a window longer than <see cref="SpreadHorizonSeconds"/> is spread over that horizon instead, so an
    /// hourly quota does not slow a short run to a crawl.</item>
    /// <item>Answers arrive out of order: within one window the smaller count and the earlier reset win (servers round
    /// resets up to whole seconds, so every reset is an upper bound); more left than the previous answer said, or a
    /// reset more than a second later, is a new window and replaces both; an answer whose reset is more than a second
    /// before the current one is from a window already over and is ignored.</item>
    /// <item>When the reset passes, the quota is the announced limit again, for the window length last seen; with no
    /// limit known, one request goes out to learn it. No wait for a reset is longer than the gate's maximum hold.</item>
    /// <item>Whole-second resets (GitHub's epoch seconds above all: every answer of a window names the same second) put
    /// the end of a short window up to a second late, and a quota spread over that longer span leaves part of it unspent
    /// when the window really turns (0.72 R against 2-second windows). So the window is also measured: the time between
    /// two turnovers the answers showed (more left than before), kept at its smallest plausible value (not below the
    /// announced length less the one-second rounding), plus one send spacing for how late a turnover shows; a new window
    /// ends no later than its turnover plus that.</item>
    /// </list>
    /// Not thread-safe: the gate's lock. Times are seconds on the gate's clock.
    /// </summary>
    internal sealed class QuotaBudget
    {
        public const double SpreadHorizonSeconds = 10;

        /// <summary>Whole-second resets are up to a second late; a reset further off than that is another window.</summary>
        private const double StaleSeconds = 1;

        // Past the reset by this much before spending the new window: the server's clock and ours differ by the latency.
        private const double ResetMargin = 0.02;

        private double _left;
        private double _resetAt;
        private long? _limit;
        private double? _window;
        private double _nextSend;
        private long _serverRemaining;

        // When the answers last showed a new window, and the shortest plausible time seen between two such turnovers.
        private double? _lastTurnover;
        private double? _measuredWindow;

        // The spacing of the spread sends: a turnover shows in the first answer after it, up to one spacing late.
        private double _sendSpacing;

        /// <summary>True once any answer announced a quota.</summary>
        public bool Known { get; private set; }

        public double Left => _left;

        public double ResetAt => _resetAt;

        public void Update(AnnouncedLimit announced, double now, int othersInFlight, double maximumHold)
        {
            var resetAt = now + Math.Min(announced.ResetSeconds, maximumHold);
            var left = Math.Max(0, announced.Remaining - othersInFlight);
            // The window: as the policy says, else the longest reset seen (an answer at a window's start shows it whole).
            _window = announced.WindowSeconds ?? Math.Max(_window ?? 0, announced.ResetSeconds);
            if (!Known)
            {
                _left = left;
                _resetAt = resetAt;
            }
            else if (resetAt < _resetAt - StaleSeconds)
            {
                // Sent before the window we already spend turned over: its count is of a window that is gone.
                return;
            }
            else if (announced.Remaining > _serverRemaining + othersInFlight || resetAt > _resetAt + StaleSeconds)
            {
                // A new window (more left than before, or a reset a window later): it began since the previous answer,
                // so it ends at most one window length from now, and no later than the header says. Both are upper
                // bounds on the truth, so the earlier is never early.
                _left = left;
                MeasureTurnover(now);
                _resetAt = Math.Min(resetAt, now + WindowLength);
            }
            else
            {
                _left = Math.Min(_left, left);
                // Resets come in whole seconds, rounded up: the earliest one seen is the closest to the truth.
                _resetAt = Math.Min(_resetAt, resetAt);
            }
            _serverRemaining = announced.Remaining;
            _limit = announced.Limit ?? _limit;
            Known = true;
        }

        /// <summary>
        /// Takes one request's share if it may go now and returns 0; otherwise returns the seconds to wait and takes nothing.
        /// </summary>
        public double TryTake(double now)
        {
            if (now >= _resetAt + ResetMargin)
            {
                // A new window: the announced limit again; with none known, one request to learn it.
                _left = _limit ?? 1;
                _resetAt = now + Math.Max(ResetMargin, WindowLength);
                _nextSend = now;
            }
            if (_left < 1) return Math.Max(ResetMargin, _resetAt + ResetMargin - now);
            var horizon = Math.Min(Math.Max(_resetAt - now, 0), SpreadHorizonSeconds);
            var interval = horizon / _left;
            // A late wake-up may catch up by one slot, never by a burst.
            var at = Math.Max(_nextSend, now - interval);
            if (at > now) return at - now;
            _nextSend = at + interval;
            _sendSpacing = interval;
            _left -= 1;
            return 0;
        }

        /// <summary>
        /// The window's length: measured between turnovers where the answers showed them, else as announced. Each
        /// turnover is seen up to one send spacing after it happened, so a gap may be short by that much: it is added
        /// back, and a window measured this way never ends before the server's does.
        /// </summary>
        private double WindowLength => _measuredWindow is { } measured ? measured + _sendSpacing : _window ?? 1;

        private void MeasureTurnover(double now)
        {
            if (_lastTurnover is { } previous && _window is { } announced)
            {
                var measured = now - previous;
                // Whole-second rounding makes the announced length up to a second long; a shorter gap is no turnover
                // of the same window (a window restarted early, answers out of order) and is not believed.
                if (measured >= announced - StaleSeconds && measured <= announced)
                    _measuredWindow = Math.Min(_measuredWindow ?? double.MaxValue, measured);
            }
            _lastTurnover = now;
        }

        public override string ToString() => $"{Output.Counted.Of((long)Math.Max(0, _left), "request")} left for {_resetAt:0.###}";
    }
}
