using System;
using System.Net.Http;
using System.Threading;
using OperationsModule.Core.Http.Throttling;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Http.Pipeline
{
    /// <summary>
    /// One logical call as it passes the steps: what was asked, where it goes now (a redirect moves it), and what the
    /// current attempt carries. Counters that belong to one step live in that step, not here.
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

        public string Target => Method.Method + " " + UriText.ForDisplay(Uri);
    }
}
