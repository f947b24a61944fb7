using System;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Http.Pipeline
{
    /// <summary>
    /// A dead server costs seconds, a restarting one nothing: while requests that could not connect probe the server
    /// (their own retries), the others hold; any answer lets them go, and a probe that runs out of retries fails every
    /// remaining request of the command at once, unsent (<see cref="ServerReachability"/>). Outside the retry step,
    /// so a held request spends none of its retries.
    /// </summary>
    internal sealed class UnreachableServerStep : SendStep
    {
        private readonly ServerReachability _reachability;
        private readonly object _command;

        public UnreachableServerStep(ServerReachability reachability, object command)
        {
            _reachability = reachability;
            _command = command;
        }

        public override async Task<ApiResponse> SendAsync(SendContext context, SendNext next)
        {
            // Reachable (almost always): no wait and no failure callback to make.
            if (!_reachability.IsReachable && await HoldAsync(context).ConfigureAwait(false))
                context.Probing = true;
            return await SendThenPassAsync(context, next).ConfigureAwait(false);
        }

        /// <summary>Inline while the server is reachable: nothing to hold.</summary>
        public override bool TryEnter(SendContext context) => _reachability.IsReachable;

        public override bool Passes(SendContext context, ApiResponse answer)
        {
            _reachability.Reached();
            if (context.Probing) _reachability.ProbeEnded();
            return true;
        }

        public override bool PassesFailure(SendContext context, Exception failure)
        {
            // A probe that ran out of retries without reaching the server fails every request still held.
            if (failure is OperationsApiException unreachable && context.Probing && context.LastFailureUnreachable)
                _reachability.Unreachable(_command, unreachable);
            if (context.Probing) _reachability.ProbeEnded();
            return true;
        }

        private Task<bool> HoldAsync(SendContext context) =>
            _reachability.EnterAsync(_command, failure => NotSent(context, failure), context.CancellationToken);

        private static OperationsApiException NotSent(SendContext context, OperationsApiException failure) =>
            new OperationsApiException($"{context.Target} was not sent because the server was unreachable: {failure.Message}", ErrorIds.ConnectionFailed, ErrorCategoryName.ConnectionError)
            {
                Method = context.Method.Method,
                RequestUri = UriText.Sanitize(context.Uri),
                Attempts = 0,
                RecommendedAction = failure.RecommendedAction ?? "Check -BaseUri, the network path and that the service is running.",
            };
    }
}
