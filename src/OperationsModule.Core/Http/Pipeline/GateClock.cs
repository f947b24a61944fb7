using System;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Engine;
using OperationsModule.Core.Http.Throttling;

namespace OperationsModule.Core.Http.Pipeline
{
    /// <summary>
    /// The throttle gate's clock, read at each use: the steps are made with the transport, and a virtual clock may be
    /// given to the gate after that, so retries and waits must follow whatever clock the gate has now.
    /// </summary>
    internal sealed class GateClock : IWaitClock
    {
        private readonly ThrottleGate _gate;

        public GateClock(ThrottleGate gate) => _gate = gate;

        public DateTimeOffset UtcNow => _gate.Clock.UtcNow;

        public Task Delay(TimeSpan delay, CancellationToken cancellationToken) => _gate.Clock.Delay(delay, cancellationToken);
    }
}
