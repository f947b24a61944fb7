using System.Threading.Tasks;

namespace OperationsModule.Core.Http.Pipeline
{
    /// <summary>
    /// One concern of the send path: does its part around <c>next</c> (the rest of the pipeline), which it may call
    /// again (a retry, a redirect hop, a resend after renewal). Shared by every call of a transport, so what one call
    /// counts lives in that call's <see cref="SendContext"/>.
    /// </summary>
    internal abstract class SendStep
    {
        public abstract Task<ApiResponse> SendAsync(SendContext context, SendNext next);
    }

    /// <summary>The end of the pipeline: one attempt on the wire (or a test's script).</summary>
    internal interface ITerminalSender
    {
        Task<ApiResponse> SendAsync(SendContext context);
    }
}
