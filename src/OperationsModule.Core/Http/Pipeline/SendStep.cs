using System;
using System.Threading.Tasks;

namespace OperationsModule.Core.Http.Pipeline
{
    /// <summary>
    /// One concern of the send path: does its part around <c>next</c> (the rest of the pipeline), which it may call
    /// again (a retry, a redirect hop, a resend after renewal). Made for one call, so its fields are that call's.
    /// </summary>
    internal abstract class SendStep
    {
        public abstract Task<ApiResponse> SendAsync(SendContext context, Func<Task<ApiResponse>> next);
    }

    /// <summary>The end of the pipeline: one attempt on the wire (or a test's script).</summary>
    internal interface ITerminalSender
    {
        Task<ApiResponse> SendAsync(SendContext context);
    }
}
