using System;
using System.Threading.Tasks;
using OperationsModule.Core.Http.Throttling;

namespace OperationsModule.Core.Http.Pipeline
{
    /// <summary>
    /// Every attempt passes the connection's <see cref="ThrottleGate"/> (held, paced and windowed once the server
    /// limits the connection or announces a quota), and tells it the answer; the verdict goes to the context for the
    /// connection-limit wait. Only this call's first refusal is evidence to the gate: its repeats are about the item.
    /// </summary>
    internal sealed class ThrottleStep : SendStep
    {
        private readonly ThrottleGate _gate;
        private readonly HttpOptions _options;

        public ThrottleStep(ThrottleGate gate, HttpOptions options)
        {
            _gate = gate;
            _options = options;
        }

        /// <summary>Without adaptive throttling (-NoAdaptiveThrottling, read at each call) the step only passes the call on.</summary>
        public override Task<ApiResponse> SendAsync(SendContext context, SendNext next) =>
            _options.AdaptiveThrottling ? ThrottledAsync(context, next) : next.SendAsync();

        private async Task<ApiResponse> ThrottledAsync(SendContext context, SendNext next)
        {
            var maximumHold = _options.MaximumRetryDelay;
            var uri = context.Uri;
            var sentAt = _gate.IsEngaged ? await _gate.WaitTurnAsync(uri, context.Log, context.CancellationToken).ConfigureAwait(false) : _gate.EnterUnpaced();
            ApiResponse response;
            try
            {
                response = await next.SendAsync().ConfigureAwait(false);
            }
            catch
            {
                // No answer says nothing about the server's limit; the place under the in-flight limit is free again.
                _gate.Complete(sentAt, null, null, maximumHold, uri, context.Log);
                throw;
            }
            var throttled = ThrottleAnswer.IsThrottle(response, out var retryAfter);
            var verdict = _gate.Complete(sentAt, throttled, retryAfter, maximumHold, uri, context.Log, context.RefusedBefore, ReadAnnouncedLimit(response));
            // A refusal the gate held everyone for was about the connection, not this item: its next one is fresh evidence.
            if (throttled) context.RefusedBefore = verdict != ThrottleVerdict.Hold;
            context.Verdict = verdict;
            return response;
        }

        /// <summary>
        /// The quota the answer announces, if any: a few header lookups, no copy of the headers. An epoch reset is read
        /// against the gate's clock (the wall clock, or a test's virtual one shared with the simulator).
        /// </summary>
        private AnnouncedLimit? ReadAnnouncedLimit(ApiResponse response)
        {
            var now = _gate.Clock.UtcNow;
            return response.Headers is ResponseHeaders headers
                ? AnnouncedLimitParser.Parse(headers.First, now)
                : AnnouncedLimitParser.Parse(response.Header, now);
        }
    }
}
