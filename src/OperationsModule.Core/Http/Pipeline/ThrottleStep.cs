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
        public override async Task<ApiResponse> SendAsync(SendContext context, SendNext next)
        {
            // An engaged gate is the one case the inline entry declines: the attempt waits its turn. Written out rather than
            // through SendThenPassAsync: while the gate paces, every request comes this way, and that would add a frame each.
            if (!TryEnter(context))
                context.ThrottleSentAt = await _gate.WaitTurnAsync(context.Uri, context.Log, context.CancellationToken).ConfigureAwait(false);
            ApiResponse response;
            try
            {
                response = await next.SendAsync().ConfigureAwait(false);
            }
            catch (Exception failure)
            {
                PassesFailure(context, failure);
                throw;
            }
            Passes(context, response);
            return response;
        }

        /// <summary>Inline unless the gate is engaged (then the attempt may have to wait its turn).</summary>
        public override bool TryEnter(SendContext context)
        {
            if (!_options.AdaptiveThrottling)
            {
                context.ThrottleSentAt = null;
                return true;
            }
            if (_gate.IsEngaged) return false;
            context.ThrottleSentAt = _gate.EnterUnpaced();
            return true;
        }

        public override bool Passes(SendContext context, ApiResponse answer)
        {
            if (context.ThrottleSentAt is not { } sentAt) return true;
            var throttled = ThrottleAnswer.IsThrottle(answer, out var retryAfter);
            var verdict = _gate.Complete(sentAt, throttled, retryAfter, _options.MaximumRetryDelay, context.Uri, context.Log, context.RefusedBefore, ReadAnnouncedLimit(answer));
            // A refusal the gate held everyone for was about the connection, not this item: its next one is fresh evidence.
            if (throttled) context.RefusedBefore = verdict != ThrottleVerdict.Hold;
            context.Verdict = verdict;
            return true;
        }

        /// <summary>No answer says nothing about the server's limit; the place under the in-flight limit is free again.</summary>
        public override bool PassesFailure(SendContext context, Exception failure)
        {
            if (context.ThrottleSentAt is { } sentAt) _gate.Complete(sentAt, null, null, _options.MaximumRetryDelay, context.Uri, context.Log);
            return true;
        }

        /// <summary>
        /// The quota the answer announces, if any: a few header lookups, no copy of the headers. An epoch reset is read
        /// against the gate's clock (the wall clock, or a test's virtual one shared with the simulator).
        /// </summary>
        private AnnouncedLimit? ReadAnnouncedLimit(ApiResponse response)
        {
            var now = _gate.Clock.UtcNow;
            return response.Headers is ResponseHeaders headers
                ? AnnouncedLimitParser.Parse(headers, (answer, name) => answer.First(name), now)
                : AnnouncedLimitParser.Parse(response, (answer, name) => answer.Header(name), now);
        }
    }
}
