using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using OperationsModule.Core.Http.Throttling;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Http.Pipeline
{
    /// <summary>
    /// One logical call as it passes the steps: what was asked, where it goes now (a redirect moves it), what the
    /// current attempt carries, and what each step counts for this call (the steps themselves are shared by every
    /// call of a transport, so they keep no per-call state).
    /// </summary>
    internal sealed class SendContext
    {
        public SendContext(ApiRequest request, ILogSink log, CancellationToken cancellationToken)
        {
            Request = request;
            Log = log;
            CancellationToken = cancellationToken;
            Uri = request.Uri;
            Method = request.Method;
            Body = request.Body;
        }

        public ApiRequest Request { get; }

        public ILogSink Log { get; }

        public CancellationToken CancellationToken { get; }

        /// <summary>The current target: the request's, or where a followed redirect pointed.</summary>
        public Uri Uri { get; set; }

        public HttpMethod Method { get; set; }

        public string? Body { get; set; }

        /// <summary>Reported attempts so far (1 for the first): a redirect hop or a resend after renewal is not one.</summary>
        public int Attempt { get; set; } = 1;

        /// <summary>The message of the attempt under way, built fresh for each attempt (a sent message cannot be sent again).</summary>
        public HttpRequestMessage? Message { get; set; }

        /// <summary>The credential the authenticate step made ready for this attempt (none for an anonymous call).</summary>
        public AppliedCredential Credential { get; set; }

        /// <summary>What the throttle gate made of the last answer (None when nothing is paced).</summary>
        public ThrottleVerdict Verdict { get; set; }

        /// <summary>This call probes a server that could not be reached (see ServerReachability): set once, by the retry step or the trial.</summary>
        public bool Probing { get; set; }

        /// <summary>The last attempt failed without reaching the server at all.</summary>
        public bool LastFailureUnreachable { get; set; }

        /// <summary>The steps this call runs through and the sender at their end (set by SendOrder.Run).</summary>
        internal IReadOnlyList<SendStep> Steps { get; set; } = Array.Empty<SendStep>();

        internal ITerminalSender Terminal { get; set; } = null!;

        /// <summary>Redirects followed so far (the redirect step's count).</summary>
        public int RedirectHops { get; set; }

        /// <summary>Retries spent of -MaximumRetryCount (the retry step's count): redirect hops share them.</summary>
        public int Retries { get; set; }

        /// <summary>When this call first waited out a connection limit (the connection-limit wait's bound).</summary>
        public DateTimeOffset? ConnectionLimitWaitSince { get; set; }

        /// <summary>The credential was renewed once after a 401 (the authenticate step renews once per call).</summary>
        public bool Renewed { get; set; }

        /// <summary>This call was refused before (the throttle step: only a call's first refusal is evidence to the gate).</summary>
        public bool RefusedBefore { get; set; }

        /// <summary>The throttle step's send time for the attempt under way; null when it passed the attempt on ungated.</summary>
        internal double? ThrottleSentAt { get; set; }

        /// <summary>A credential the authenticate step began to make ready inline and must wait for (a login under way).</summary>
        internal System.Threading.Tasks.Task<object?>? PendingCredential { get; set; }

        public string Target => Method.Method + " " + UriText.ForDisplay(Uri);
    }
}
