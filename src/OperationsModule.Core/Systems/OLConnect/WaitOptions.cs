using System;
using OperationsModule.Core.Engine;
using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Systems.OLConnect
{
    /// <summary>
    /// How a wait polls: the pause between getProgress calls and the bound on the whole wait.
    /// -TimeoutSec stays what it is everywhere else (one request); the wait has its own -WaitTimeoutSec.
    /// </summary>
    internal sealed class WaitOptions
    {
        public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(2);

        /// <summary>One hour: long enough for large batches, short enough that a stuck runbook ends.</summary>
        public static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromHours(1);

        public WaitOptions(TimeSpan? pollInterval = null, TimeSpan? waitTimeout = null, IWaitClock? clock = null)
        {
            PollInterval = pollInterval ?? DefaultPollInterval;
            WaitTimeout = waitTimeout ?? DefaultWaitTimeout;
            // The cmdlets allow 1..3600 s; Core also takes zero so tests against the simulator do not sleep.
            if (PollInterval < TimeSpan.Zero) throw new InputValidationException("PollIntervalSec", $"{PollInterval.TotalSeconds} is negative.");
            if (WaitTimeout <= TimeSpan.Zero) throw new InputValidationException("WaitTimeoutSec", $"{WaitTimeout.TotalSeconds} is not a positive number of seconds.");
            Clock = clock ?? SystemWaitClock.Instance;
        }

        public TimeSpan PollInterval { get; }

        public TimeSpan WaitTimeout { get; }

        public IWaitClock Clock { get; }

        /// <summary>From the cmdlet parameters (null = the parameter was not given).</summary>
        public static WaitOptions FromSeconds(int? pollIntervalSec, int? waitTimeoutSec) =>
            new WaitOptions(
                pollIntervalSec is { } poll ? TimeSpan.FromSeconds(poll) : (TimeSpan?)null,
                waitTimeoutSec is { } wait ? TimeSpan.FromSeconds(wait) : (TimeSpan?)null);
    }
}
