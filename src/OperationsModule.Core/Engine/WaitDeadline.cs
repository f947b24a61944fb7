using System;

namespace OperationsModule.Core.Engine
{
    /// <summary>
    /// The pauses of a polling wait bounded by a time-out: each the poll interval, or what is left of the time when
    /// that is less, and none after the pause that reached the deadline. Not "until the clock says the time is up": a
    /// timer that fires a little early (timers count whole milliseconds) would then buy more polls in the last
    /// millisecond, which could see the item finish after the wait's time was up.
    /// </summary>
    internal sealed class WaitDeadline
    {
        private readonly IWaitClock _clock;
        private readonly DateTimeOffset _at;
        private bool _pausedToIt;

        public WaitDeadline(IWaitClock clock, TimeSpan timeout)
        {
            _clock = clock;
            _at = clock.UtcNow + timeout;
        }

        /// <summary>How long to pause before the next poll, or null when the time is up.</summary>
        public TimeSpan? NextPause(TimeSpan interval)
        {
            var now = _clock.UtcNow;
            if (_pausedToIt || now >= _at) return null;
            var remaining = _at - now;
            _pausedToIt = remaining <= interval;
            return _pausedToIt ? remaining : interval;
        }
    }
}
