using System;
using OperationsModule.Core.Engine;
using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Waiting
{
    /// <summary>
    /// When a Stop- command's -Wait reads an item again: soon after the cancel, then backing off (doubling up to a
    /// ceiling) so a slow cancel costs few requests, and never past the wait's own bound (-WaitTimeoutSec).
    /// </summary>
    internal sealed class WaitSchedule
    {
        public static readonly TimeSpan DefaultFirstInterval = TimeSpan.FromSeconds(1);

        public static readonly TimeSpan DefaultMaximumInterval = TimeSpan.FromSeconds(10);

        /// <summary>One hour, as Submit-OutputCreation -Wait: long enough for a slow stop, short enough that a stuck runbook ends.</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromHours(1);

        public WaitSchedule(TimeSpan? timeout = null, IWaitClock? clock = null, TimeSpan? firstInterval = null, TimeSpan? maximumInterval = null)
        {
            Timeout = timeout ?? DefaultTimeout;
            if (Timeout <= TimeSpan.Zero) throw new InputValidationException("WaitTimeoutSec", $"{Timeout.TotalSeconds} is not a positive number of seconds.");
            FirstInterval = firstInterval ?? DefaultFirstInterval;
            MaximumInterval = maximumInterval ?? DefaultMaximumInterval;
            if (FirstInterval < TimeSpan.Zero || MaximumInterval < FirstInterval) throw new ArgumentOutOfRangeException(nameof(firstInterval), "The intervals must be 0 or more, the first no larger than the maximum.");
            Clock = clock ?? SystemWaitClock.Instance;
        }

        public TimeSpan Timeout { get; }

        public TimeSpan FirstInterval { get; }

        public TimeSpan MaximumInterval { get; }

        public IWaitClock Clock { get; }

        /// <summary>The pause after <paramref name="previous"/>: doubled, at most <see cref="MaximumInterval"/>.</summary>
        public TimeSpan After(TimeSpan previous)
        {
            var doubled = TimeSpan.FromTicks(Math.Max(previous.Ticks, 1) * 2);
            return doubled > MaximumInterval ? MaximumInterval : doubled;
        }

        /// <summary>From the cmdlet parameter (null = not given).</summary>
        public static WaitSchedule FromSeconds(int? waitTimeoutSec) =>
            new WaitSchedule(waitTimeoutSec is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null);
    }
}
