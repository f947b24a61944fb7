using System;
using OperationsModule.Core.Http.Throttling;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Engine
{
    /// <summary>
    /// Write-Progress for a bulk run, throttled: Windows PowerShell 5.1 redraws are costly enough that an
    /// update per item can dominate a run (PowerShell#2138), so at most one update per interval is written.
    /// The total is unknown while input streams in, so the bar shows counts, not a percentage.
    /// </summary>
    internal sealed class BulkProgress
    {
        public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(500);

        private readonly int _activityId;
        private readonly string _activity;
        private readonly IWaitClock _clock;
        private readonly TimeSpan _interval;
        private DateTimeOffset? _lastWritten;

        public BulkProgress(int activityId, string activity, IWaitClock? clock = null, TimeSpan? interval = null)
        {
            _activityId = activityId;
            _activity = activity;
            _clock = clock ?? SystemWaitClock.Instance;
            _interval = interval ?? DefaultInterval;
        }

        /// <summary>Progress records written so far (for tests and diagnostics).</summary>
        public int Written { get; private set; }

        /// <summary>
        /// Writes an update unless one was written less than the interval ago. The first update waits one interval too,
        /// so short runs show no bar. When the server throttles, the bar says so (held back, current limits).
        /// </summary>
        public void Report(IOperationsOutput output, long done, int inFlight, ThrottleGate? throttle = null)
        {
            var now = _clock.UtcNow;
            _lastWritten ??= now;
            if (now - _lastWritten.Value < _interval) return;
            _lastWritten = now;
            Written++;
            var throttling = throttle?.Describe();
            var status = throttling is null ? $"{done} done, {inFlight} in flight" : $"{done} done, {inFlight} in flight; {throttling}";
            output.WriteProgress(new ProgressInfo(_activityId, _activity, status, -1));
        }

        /// <summary>Removes the bar, if one was shown.</summary>
        public void Finish(IOperationsOutput output)
        {
            if (Written == 0) return;
            output.WriteProgress(new ProgressInfo(_activityId, _activity, "Done", 100, completed: true));
        }
    }
}
