using System;
using System.Threading.Tasks;

namespace OperationsModule.Core.Http.Pipeline
{
    /// <summary>
    /// One concern of the send path: does its part around <c>next</c> (the rest of the pipeline), which it may call
    /// again (a retry, a redirect hop, a resend after renewal). Shared by every call of a transport, so what one call
    /// counts lives in that call's <see cref="SendContext"/>.
    /// </summary>
    /// <remarks>
    /// A step whose work on an ordinary call is synchronous also says so through <see cref="TryEnter"/> and
    /// <see cref="Passes"/>: <see cref="StepRunner"/> then runs it inline, and one async frame serves all such steps of a
    /// call instead of one frame each (a frame per step was most of the send path's cost per request). What a step does
    /// there must be what <see cref="SendAsync"/> does for the same call: the step tests run both ways.
    /// </remarks>
    internal abstract class SendStep
    {
        /// <summary>The whole step: everything it does before, around and after the rest of the pipeline.</summary>
        public abstract Task<ApiResponse> SendAsync(SendContext context, SendNext next);

        /// <summary>
        /// Does what the step does before the rest, synchronously, and returns true; or returns false, having done
        /// nothing, when this call needs the whole step (a wait, a trial, a listener). May throw what SendAsync would
        /// throw before sending.
        /// </summary>
        public virtual bool TryEnter(SendContext context) => false;

        /// <summary>False when the step never looks at what the rest answered once entered inline (no after-work at all).</summary>
        public virtual bool WatchesAnswers => true;

        /// <summary>
        /// The rest answered: does the step's synchronous bookkeeping and returns true when the answer passes on
        /// unchanged, false when the step must act on it (<see cref="ActOnAsync"/>). May throw the failure SendAsync would.
        /// </summary>
        public virtual bool Passes(SendContext context, ApiResponse answer) => true;

        /// <summary>As <see cref="Passes"/>, for a failure: true when it passes on (or throws what replaces it), false to act on it.</summary>
        public virtual bool PassesFailure(SendContext context, Exception failure) => true;

        /// <summary>Continues the step from an answer <see cref="Passes"/> did not let through, as SendAsync would have.</summary>
        public virtual Task<ApiResponse> ActOnAsync(SendContext context, SendNext next, ApiResponse answer) =>
            throw new InvalidOperationException($"{GetType().Name} lets every answer pass.");

        /// <summary>Continues the step from a failure <see cref="PassesFailure"/> did not let through, as SendAsync would have.</summary>
        public virtual Task<ApiResponse> ActOnFailureAsync(SendContext context, SendNext next, Exception failure) =>
            throw new InvalidOperationException($"{GetType().Name} lets every failure pass.");

        /// <summary>
        /// The rest of the pipeline, then what <see cref="StepRunner"/> does with an entered step's answer: <see cref="Passes"/>
        /// or <see cref="PassesFailure"/>, and the act they ask for. A step whose whole run is its entry and this calls it, so
        /// its whole and inline runs are one piece of code.
        /// </summary>
        protected async Task<ApiResponse> SendThenPassAsync(SendContext context, SendNext next)
        {
            ApiResponse answer;
            try
            {
                answer = await next.SendAsync().ConfigureAwait(false);
            }
            catch (Exception failure)
            {
                if (PassesFailure(context, failure)) throw;
                return await ActOnFailureAsync(context, next, failure).ConfigureAwait(false);
            }
            return Passes(context, answer) ? answer : await ActOnAsync(context, next, answer).ConfigureAwait(false);
        }
    }

    /// <summary>The end of the pipeline: one attempt on the wire (or a test's script).</summary>
    internal interface ITerminalSender
    {
        Task<ApiResponse> SendAsync(SendContext context);
    }
}
