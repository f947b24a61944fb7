using System;
using System.Threading.Tasks;
using OperationsModule.Core.Engine;

namespace OperationsModule.Core.Http.Pipeline
{
    /// <summary>
    /// The item's own failures, bounded by -MaximumRetryCount: transport failures (a request that may create work only
    /// when nothing was sent) and retryable statuses, with capped, jittered backoff that honours Retry-After.
    /// </summary>
    internal sealed class RetryStep : SendStep
    {
        private readonly HttpOptions _options;
        private readonly IWaitClock _clock;
        private readonly Func<double> _jitter;
        private readonly ServerReachability? _reachability;

        /// <param name="reachability">Told when this call retries a connection that could not be opened: it then probes for every request to the server.</param>
        public RetryStep(HttpOptions options, IWaitClock clock, Func<double> jitter, ServerReachability? reachability = null)
        {
            _options = options;
            _clock = clock;
            _jitter = jitter;
            _reachability = reachability;
        }

        public override async Task<ApiResponse> SendAsync(SendContext context, SendNext next)
        {
            while (true)
            {
                ApiResponse response;
                try
                {
                    response = await next.SendAsync().ConfigureAwait(false);
                }
                catch (TransportFailure failure) when (MayRetry(failure, context))
                {
                    await WaitAfterAsync(context, failure).ConfigureAwait(false);
                    continue;
                }
                catch (TransportFailure failure)
                {
                    throw Unretried(context, failure);
                }
                if (Passes(context, response)) return response;
                await WaitAfterAsync(context, response).ConfigureAwait(false);
            }
        }

        public override bool TryEnter(SendContext context) => true;

        public override bool Passes(SendContext context, ApiResponse answer) =>
            !RetryPolicy.IsRetryableStatus(answer.StatusCode, context.Request.MayCreateWork) || context.Retries >= _options.MaximumRetryCount;

        /// <summary>A transport failure is retried, or thrown as the item's failure; anything else passes.</summary>
        public override bool PassesFailure(SendContext context, Exception failure) =>
            failure is not TransportFailure transport || (MayRetry(transport, context) ? false : throw Unretried(context, transport));

        public override async Task<ApiResponse> ActOnAsync(SendContext context, SendNext next, ApiResponse answer)
        {
            await WaitAfterAsync(context, answer).ConfigureAwait(false);
            return await SendAsync(context, next).ConfigureAwait(false);
        }

        public override async Task<ApiResponse> ActOnFailureAsync(SendContext context, SendNext next, Exception failure)
        {
            await WaitAfterAsync(context, (TransportFailure)failure).ConfigureAwait(false);
            return await SendAsync(context, next).ConfigureAwait(false);
        }

        private Task WaitAfterAsync(SendContext context, ApiResponse response) =>
            WaitAsync(context, RetryAfterParser.Parse(response.Header("Retry-After"), DateTimeOffset.UtcNow), Errors.StatusClassifier.Describe(response.StatusCode));

        private Task WaitAfterAsync(SendContext context, TransportFailure failure)
        {
            context.LastFailureUnreachable = failure.Unreachable;
            if (failure.Unreachable && !context.Probing && _reachability is not null)
            {
                context.Probing = true;
                _reachability.ProbeStarted();
            }
            return WaitAsync(context, null, failure.Exception.Message);
        }

        /// <summary>The failure the item reports when its transport failure is not retried.</summary>
        private static Errors.OperationsApiException Unretried(SendContext context, TransportFailure failure)
        {
            context.LastFailureUnreachable = failure.Unreachable;
            failure.Exception.Attempts = context.Attempt;
            return failure.Exception;
        }

        private bool MayRetry(TransportFailure failure, SendContext context) =>
            failure.Retryable && (failure.NothingSent || !context.Request.MayCreateWork) && context.Retries < _options.MaximumRetryCount;

        private async Task WaitAsync(SendContext context, TimeSpan? retryAfter, string reason)
        {
            var retry = ++context.Retries;
            var delay = RetryPolicy.Delay(retry, _options.RetryInterval, _options.MaximumRetryDelay, retryAfter, _jitter());
            // Each retry is one verbose line (built only when someone listens): it explains a slow bulk run.
            if (context.Log.IsVerboseEnabled)
                context.Log.WriteVerbose($"Retrying {context.Request.Method.Method} {UriText.ForDisplay(context.Uri)} in {delay.TotalSeconds:0.###} s (retry {retry} of {_options.MaximumRetryCount}) after {reason}{DescribeRetryAfter(retryAfter, delay)}.");
            if (delay > TimeSpan.Zero) await _clock.Delay(delay, context.CancellationToken).ConfigureAwait(false);
            context.Attempt++;
        }

        private static string DescribeRetryAfter(TimeSpan? retryAfter, TimeSpan delay) =>
            retryAfter is not { } asked ? string.Empty
            : asked > delay ? $"; the server asked for {asked.TotalSeconds:0.###} s (Retry-After), capped by the maximum retry delay"
            : $"; the server asked for {asked.TotalSeconds:0.###} s (Retry-After)";
    }
}
