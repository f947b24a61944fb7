using System;
using System.Threading.Tasks;
using OperationsModule.Core.Http.Throttling;

namespace OperationsModule.Core.Http.Pipeline
{
    /// <summary>
    /// Tells the connection's <see cref="ThrottleGate"/> a call began and ended: the most calls in progress at once is the
    /// concurrency the callers want, which the gate's in-flight limit starts from when the server limits the connection.
    /// Outermost, so a call counts once through its redirects, retries and waits.
    /// </summary>
    internal sealed class CallCountStep : SendStep
    {
        private readonly ThrottleGate _gate;

        public CallCountStep(ThrottleGate gate) => _gate = gate;

        public override Task<ApiResponse> SendAsync(SendContext context, SendNext next)
        {
            TryEnter(context);
            return SendThenPassAsync(context, next);
        }

        public override bool TryEnter(SendContext context)
        {
            _gate.CallStarted();
            return true;
        }

        public override bool Passes(SendContext context, ApiResponse answer)
        {
            _gate.CallEnded();
            return true;
        }

        public override bool PassesFailure(SendContext context, Exception failure)
        {
            _gate.CallEnded();
            return true;
        }
    }
}
