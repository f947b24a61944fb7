using System;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Engine;

namespace OperationsModule.Core.Tests.Infrastructure
{
    /// <summary>
    /// Virtual time shared by concurrent waiters: a Delay returns at once and moves time to the end of that wait
    /// (never back), so requests held until the same moment move it once, not once each. Nothing sleeps.
    /// </summary>
    public sealed class VirtualClock : IWaitClock
    {
        private readonly object _sync = new object();
        private DateTimeOffset _now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public DateTimeOffset UtcNow
        {
            get { lock (_sync) return _now; }
        }

        /// <summary>Virtual time spent waiting, summed over every Delay call.</summary>
        public TimeSpan TotalWaited { get; private set; }

        public void Advance(TimeSpan by)
        {
            lock (_sync) _now += by;
        }

        public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lock (_sync)
            {
                TotalWaited += delay;
                var target = _now + delay;
                if (target > _now) _now = target;
            }
            return Task.CompletedTask;
        }
    }
}
