using System;

namespace OperationsModule.Core.Http.Throttling
{
    /// <summary>
    /// An upper bound on the length of the server's quota window, from what the answers show, so that a window's end
    /// computed from it is never early (an early end spends the next window's quota in this one, and is refused).
    /// <list type="bullet">
    /// <item>The policy's announced length (RateLimit-Policy's w) is whole seconds rounded up: a bound as it stands.</item>
    /// <item>Else each turnover is bracketed: it came after the latest send among the answers that still showed the old
    /// window, and no later than the first answer that showed the new one arrived. Two consecutive turnovers are at least
    /// one window apart, so the first answer of the later one minus the latest old send before the earlier one bounds the
    /// length from above; the smallest such bound is kept. It is tight when requests are in flight across both edges
    /// (a round trip and one send spacing at each), which spreading the quota up to the end makes the rule.</item>
    /// <item>Before two turnovers are seen: the longest reset announced (the first answer of a window shows it whole).</item>
    /// <item>A bracket shorter than the longest reset seen less its one-second rounding contradicts the server (a reset
    /// never exceeds the window): it came from answers taken for a turnover that was none, and is not believed.</item>
    /// </list>
    /// Not thread-safe: the gate's lock. Times are seconds on the gate's clock.
    /// </summary>
    internal sealed class QuotaWindowLength
    {
        private double? _announced;
        private double _longestReset;
        private double? _bracketed;

        // The latest send among the current window's answers, and the same for the window before the last turnover.
        private double _latestSendInWindow = double.NegativeInfinity;
        private double _latestSendBeforeTurnover = double.NegativeInfinity;

        /// <summary>The bound: announced, else bracketed, else the longest reset seen plus <paramref name="resetSlack"/> (at least a tick).</summary>
        public double UpperBound(double resetSlack) => _announced ?? _bracketed ?? Math.Max(1e-3, _longestReset + resetSlack);

        /// <summary>An answer of the current window, sent at <paramref name="sentAt"/>.</summary>
        public void OnAnswer(AnnouncedLimit announced, double sentAt)
        {
            if (announced.WindowSeconds is { } w) _announced = w;
            _longestReset = Math.Max(_longestReset, announced.ResetSeconds);
            _latestSendInWindow = Math.Max(_latestSendInWindow, sentAt);
        }

        /// <summary>The first answer of a new window arrived at <paramref name="now"/> (before its <see cref="OnAnswer"/>).</summary>
        /// <param name="resetSlack">How much later than they say resets are taken (a second once one came early).</param>
        public void OnTurnover(double now, double resetSlack)
        {
            var bound = now - _latestSendBeforeTurnover;
            if (!double.IsInfinity(bound) && bound >= _longestReset + resetSlack - 1) _bracketed = Math.Min(_bracketed ?? double.MaxValue, bound);
            _latestSendBeforeTurnover = _latestSendInWindow;
            _latestSendInWindow = double.NegativeInfinity;
        }
    }
}
