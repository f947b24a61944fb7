using System;
using System.Threading.Tasks;
using OperationsModule.Core.Engine;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http.Throttling;

namespace OperationsModule.Core.Http.Pipeline
{
    /// <summary>
    /// Waits out a refusal that limits the whole connection (the gate's Hold, Rate or Undecided verdict): not the item's
    /// failure, so not one of the -MaximumRetryCount retries, for at most MaximumThrottleWait from this call's first
    /// such wait; after that the refusal reaches the retry step and counts, so every run ends.
    /// </summary>
    internal sealed class ConnectionLimitWaitStep : SendStep
    {
        private readonly HttpOptions _options;
        private readonly IWaitClock _clock;
        private readonly Func<double> _jitter;

        public ConnectionLimitWaitStep(HttpOptions options, IWaitClock clock, Func<double> jitter)
        {
            _options = options;
            _clock = clock;
            _jitter = jitter;
        }

        public override async Task<ApiResponse> SendAsync(SendContext context, SendNext next)
        {
            while (true)
            {
                TryEnter(context);
                var response = await next.SendAsync().ConfigureAwait(false);
                if (Passes(context, response)) return response;
                await WaitAfterAsync(context, response).ConfigureAwait(false);
            }
        }

        public override bool TryEnter(SendContext context)
        {
            context.Verdict = ThrottleVerdict.None;
            return true;
        }

        public override bool Passes(SendContext context, ApiResponse answer) =>
            !(context.Verdict is ThrottleVerdict.Hold or ThrottleVerdict.Rate or ThrottleVerdict.Undecided)
            || !RetryPolicy.IsRetryableStatus(answer.StatusCode, context.Request.MayCreateWork)
            || !WithinWait(context);

        public override async Task<ApiResponse> ActOnAsync(SendContext context, SendNext next, ApiResponse answer)
        {
            await WaitAfterAsync(context, answer).ConfigureAwait(false);
            return await SendAsync(context, next).ConfigureAwait(false);
        }

        private Task WaitAfterAsync(SendContext context, ApiResponse response) =>
            WaitAsync(context, context.Verdict, ThrottleAnswer.RetryAfter(response), StatusClassifier.Describe(response.StatusCode));

        /// <summary>
        /// With a hold, the gate keeps this request back with all the others until the Retry-After has passed; a rate
        /// refusal (the others go on) waits its own Retry-After; without one, this request alone backs off.
        /// </summary>
        private async Task WaitAsync(SendContext context, ThrottleVerdict verdict, TimeSpan? retryAfter, string reason)
        {
            var delay = verdict == ThrottleVerdict.Hold && retryAfter is not null
                ? TimeSpan.Zero
                : RetryPolicy.Delay(1, _options.RetryInterval, _options.MaximumRetryDelay, retryAfter, _jitter());
            if (context.Log.IsVerboseEnabled)
                context.Log.WriteVerbose($"Retrying {context.Request.Method.Method} {UriText.ForDisplay(context.Uri)} after {reason}: the server limits the connection, not this request (not counted against -MaximumRetryCount){(delay == TimeSpan.Zero ? " when the server's Retry-After has passed" : $" in {delay.TotalSeconds:0.###} s")}.");
            if (delay > TimeSpan.Zero) await _clock.Delay(delay, context.CancellationToken).ConfigureAwait(false);
            context.Attempt++;
        }

        private bool WithinWait(SendContext context)
        {
            var now = _clock.UtcNow;
            context.ConnectionLimitWaitSince ??= now;
            return now - context.ConnectionLimitWaitSince.Value <= _options.MaximumThrottleWait;
        }
    }
}
