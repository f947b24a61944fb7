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
    /// resets up to whole seconds, so every reset is an upper bound); the quota restored (more left than the fewest this
    /// window showed, by more than reordering explains), or a reset more than a second later, is a new window and
    /// replaces both; an answer whose reset is more than a second
    /// before the current one is from a window already over and is ignored.</item>
    /// <item>When the reset passes, the quota is the announced limit again (less the requests in flight, at least one),
    /// for the window length's upper bound; with no limit known, one request goes out to learn it. No wait for a reset is longer than the gate's maximum hold.</item>
    /// <item>The edge of a window is where requests go wrong: a reset is rounded up to whole seconds (GitHub's epoch
    /// seconds name the same second all window long, so its end looks up to a second late), and requests in flight at
    /// the turnover may land on either side of it. So the end the budget spends towards is an upper bound, never early:
    /// the earliest reset the answers named, and a new window's first sighting plus an upper bound on the window's length
    /// (<see cref="QuotaWindowLength"/>); and a new window the budget assumes on its own (its end passed with no answer
    /// showing it) starts with the requests still in flight taken off the limit, since they may land in it.</item>
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

        private readonly QuotaWindowLength _window = new QuotaWindowLength();
        private double _left;
        private double _resetAt;
        private long? _limit;
        private double _nextSend;
        private long _serverRemaining;

        // When the request of the answer with the fewest left was sent: one sent earlier that shows more was counted
        // earlier by the server and answered later, not a new window.
        private double _fewestSentAt = double.NegativeInfinity;

        // When the budget last assumed a new window on its own (NaN once an answer showed it), and how much later than
        // they say resets are taken: a whole second once the server showed one that passed with its window still open.
        private double _assumedAt = double.NaN;
        private double _resetSlack;

        /// <summary>True once any answer announced a quota.</summary>
        public bool Known { get; private set; }

        public double Left => _left;

        public double ResetAt => _resetAt;

        /// <param name="sentAt">When the answered request was sent (negative infinity when unknown).</param>
        public void Update(AnnouncedLimit announced, double now, int othersInFlight, double maximumHold, double sentAt = double.NegativeInfinity)
        {
            var resetAt = now + Math.Min(announced.ResetSeconds + _resetSlack, maximumHold);
            var left = Math.Max(0, announced.Remaining - othersInFlight);
            if (ResetWasEarly(announced, sentAt))
            {
                // Rounded down, or the server's clock ahead of ours: every reset is up to its resolution early.
                _resetSlack = 1;
                _assumedAt = double.NaN;
                _left = left;
                _resetAt = resetAt + 1;
                return;
            }
            if (sentAt >= _assumedAt) _assumedAt = double.NaN; // counted in the new window: the assumption held
            if (!Known)
            {
                _left = left;
                _resetAt = resetAt;
                _serverRemaining = announced.Remaining;
                _fewestSentAt = sentAt;
            }
            else if (resetAt < _resetAt - StaleSeconds)
            {
                // Sent before the window we already spend turned over: its count is of a window that is gone.
                return;
            }
            else if (RestoresQuota(announced, othersInFlight, sentAt) || resetAt > _resetAt + StaleSeconds + _resetSlack)
            {
                StartWindow(announced, now, left, resetAt, sentAt);
            }
            else
            {
                SpendWithinWindow(announced, left, resetAt, sentAt);
            }
            _window.OnAnswer(announced, sentAt);
            _limit = announced.Limit ?? _limit;
            Known = true;
        }

        /// <summary>
        /// A new window (its quota restored, or a reset a window later): it began since the previous answer, so it ends
        /// at most one window length from now, and no later than the header says. Both are upper bounds on the truth,
        /// so the earlier is never early.
        /// </summary>
        private void StartWindow(AnnouncedLimit announced, double now, double left, double resetAt, double sentAt)
        {
            _left = left;
            _window.OnTurnover(now, _resetSlack);
            _window.OnAnswer(announced, sentAt);
            _resetAt = Math.Min(resetAt, now + _window.UpperBound(_resetSlack));
            _assumedAt = double.NaN;
            _serverRemaining = announced.Remaining;
            _fewestSentAt = sentAt;
        }

        /// <summary>Another answer of the window being spent: the fewest left and the earliest reset win.</summary>
        private void SpendWithinWindow(AnnouncedLimit announced, double left, double resetAt, double sentAt)
        {
            _left = Math.Min(_left, left);
            if (announced.Remaining <= _serverRemaining)
            {
                _serverRemaining = announced.Remaining;
                _fewestSentAt = sentAt;
            }
            // Resets come in whole seconds, rounded up: the earliest one seen is the closest to the truth.
            _resetAt = Math.Min(_resetAt, resetAt);
        }

        /// <summary>
        /// More left than the fewest this window showed, by more than reordering explains: requests overtake each other
        /// on the way (a later send counted first shows one more left), by a few, while a new window gives back the
        /// quota less what was sent since it began, more than half of it. An answer to a request sent before the one
        /// that showed the fewest was counted before it, whatever it says.
        /// </summary>
        private bool RestoresQuota(AnnouncedLimit announced, int othersInFlight, double sentAt) =>
            announced.Remaining > _serverRemaining + Math.Max(othersInFlight, (_limit ?? 0) / 2) && sentAt > _fewestSentAt;

        /// <summary>
        /// A request sent after the budget assumed a new window, counted by the server in the old one (no more left than
        /// its fewest): the reset that window announced came before its end.
        /// </summary>
        private bool ResetWasEarly(AnnouncedLimit announced, double sentAt) =>
            sentAt >= _assumedAt && announced.Remaining <= _serverRemaining;

        /// <summary>
        /// Takes one request's share if it may go now and returns 0; otherwise returns the seconds to wait and takes nothing.
        /// </summary>
        /// <param name="inFlight">Requests on the wire now: at an assumed turnover they may land in the new window.</param>
        public double TryTake(double now, int inFlight = 0)
        {
            if (now >= _resetAt + ResetMargin)
            {
                // A new window: the announced limit again, less what is in flight; at least one request, so a quota
                // smaller than the requests in flight never stalls the run (and with no limit known, one to learn it).
                _left = Math.Max(1, (_limit ?? 1) - inFlight);
                _resetAt = now + Math.Max(ResetMargin, _window.UpperBound(_resetSlack));
                _nextSend = now;
                _assumedAt = now;
            }
            if (_left < 1) return Math.Max(ResetMargin, _resetAt + ResetMargin - now);
            var horizon = Math.Min(Math.Max(_resetAt - now, 0), SpreadHorizonSeconds);
            var interval = horizon / _left;
            // A late wake-up may catch up by one slot, never by a burst.
            var at = Math.Max(_nextSend, now - interval);
            if (at > now) return at - now;
            _nextSend = at + interval;
            _left -= 1;
            return 0;
        }

        public override string ToString() => $"{Output.Counted.Of((long)Math.Max(0, _left), "request")} left for {_resetAt:0.###}";
    }
}
