using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Auth;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http.Runtime;
using OperationsModule.Core.Http.Throttling;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Http
{
    /// <summary>
    /// The one HTTP pipeline: auth, the unencrypted-credentials gate, per-attempt timeout, retries with
    /// backoff, one renewal after 401, origin-bound redirects, capped body reads and redacted logging. Every
    /// attempt passes the connection's <see cref="ThrottleGate"/> (shared by all transports over the same client).
    /// </summary>
    public sealed class ApiTransport : IDisposable
    {
        private readonly HttpMessageInvoker _client;
        private readonly Func<double> _jitter;
        private readonly object _jitterLock = new object();

        /// <param name="client">An HttpClient or a bare invoker; by default one built from the options (see HttpClientFactory.CreateInvoker).</param>
        public ApiTransport(HttpOptions options, IAuthenticator authenticator, HttpMessageInvoker? client = null, Func<double>? jitter = null)
            : this(options, authenticator, client, jitter, new ThrottleGate())
        {
        }

        private ApiTransport(HttpOptions options, IAuthenticator authenticator, HttpMessageInvoker? client, Func<double>? jitter, ThrottleGate throttle)
        {
            Options = options;
            Authenticator = authenticator;
            Throttle = throttle;
            _client = client ?? HttpClientFactory.CreateInvoker(options);
            var random = new Random();
            _jitter = jitter ?? (() => { lock (_jitterLock) return random.NextDouble(); });
        }

        public HttpOptions Options { get; }

        /// <summary>The connection's back-off gate and adaptive limits: one per client, so per server.</summary>
        public ThrottleGate Throttle { get; }

        /// <summary>Same client, connections and throttle gate, other per-request options (timeout, retries).</summary>
        internal ApiTransport WithOptions(HttpOptions options) => new ApiTransport(options, Authenticator, _client, _jitter, Throttle) { _sharesClient = true };

        /// <summary>A client of its own (this one may be closed), the same authenticator and throttle gate.</summary>
        internal ApiTransport WithNewClient(HttpOptions options) => new ApiTransport(options, Authenticator, null, _jitter, Throttle);

        private bool _sharesClient;

        public IAuthenticator Authenticator { get; }

        /// <summary>
        /// Sends until an answer is final. Counters, each with one meaning: <c>attempt</c> counts the requests that are
        /// reported as attempts (a redirect hop or the resend after a token renewal is not one); <c>retries</c> counts the
        /// item's own failures, bounded by -MaximumRetryCount: transport failures, retryable statuses, and refusals the
        /// gate judged to be about this item (<see cref="ThrottleVerdict.Item"/>). Waiting out a limit on the whole
        /// connection (<see cref="ThrottleVerdict.Hold"/>, <see cref="ThrottleVerdict.Rate"/>, or a first refusal
        /// still <see cref="ThrottleVerdict.Undecided"/>) is not the item's
        /// failure and is not counted, for at most MaximumThrottleWait from the first such wait; after that it counts.
        /// </summary>
        public async Task<ApiResponse> SendAsync(ApiRequest request, ILogSink log, CancellationToken cancellationToken)
        {
            var authenticator = request.Anonymous ? NoAuthenticator.Instance : Authenticator;
            // Every secret this call (and a login it makes) sends or receives is masked in what the server answers.
            using var secrets = Secrets.SecretScope.Enter();
            var started = Stopwatch.GetTimestamp();
            var uri = request.Uri;
            var method = request.Method;
            var body = request.Body;
            var attempt = 0;
            var retries = 0;
            var refusedBefore = false;
            DateTimeOffset? connectionWaitSince = null;
            var adaptive = Options.AdaptiveThrottling;
            var renewed = false;
            var redirects = 0;
            while (true)
            {
                attempt++;
                EnsureTransportAllowed(uri, authenticator, request, attempt);
                var sentAt = 0d;
                if (adaptive)
                    sentAt = Throttle.IsEngaged ? await Throttle.WaitTurnAsync(uri, log, cancellationToken).ConfigureAwait(false) : Throttle.EnterUnpaced();
                var attemptStarted = Stopwatch.GetTimestamp();
                ApiResponse response;
                bool? throttled = null;
                TimeSpan? retryAfter = null;
                AnnouncedLimit? announced = null;
                var verdict = ThrottleVerdict.None;
                var gatePending = adaptive;
                try
                {
                    response = await SendOnceAsync(request, method, uri, body, authenticator, log, attempt, cancellationToken).ConfigureAwait(false);
                    throttled = IsThrottle(response, out retryAfter);
                    if (adaptive) announced = ReadAnnouncedLimit(response);
                }
                catch (TransportFailure failure)
                {
                    // No answer says nothing about the server's limit; the place in the window is free again.
                    if (gatePending) Throttle.Complete(sentAt, null, null, Options.MaximumRetryDelay, uri, log);
                    gatePending = false;
                    // No status to show: the line names the reason instead, so -Verbose accounts for every attempt.
                    if (log.IsVerboseEnabled)
                        log.WriteVerbose($"{method.Method} {UriText.ForDisplay(uri)} -> {failure.Exception.ErrorId} after {(long)Since(attemptStarted).TotalMilliseconds} ms");
                    var retryable = failure.NothingSent || !request.MayCreateWork;
                    if (failure.Retryable && retryable && retries < Options.MaximumRetryCount)
                    {
                        await WaitBeforeRetryAsync(request, uri, ++retries, null, failure.Exception.Message, log, cancellationToken).ConfigureAwait(false);
                        continue;
                    }
                    failure.Exception.Attempts = attempt;
                    throw failure.Exception;
                }
                finally
                {
                    if (gatePending) verdict = Throttle.Complete(sentAt, throttled, retryAfter, Options.MaximumRetryDelay, uri, log, refusedBefore, announced);
                }
                if (log.IsVerboseEnabled)
                    log.WriteVerbose($"{method.Method} {UriText.ForDisplay(uri)} -> {StatusClassifier.Describe(response.StatusCode)} in {(long)Since(attemptStarted).TotalMilliseconds} ms");

                if (response.StatusCode == 407)
                    throw ProxyFailure.AuthenticationRequired(method, uri, Options.Proxy, ProxyCredentialGiven, attempt);
                if (IsRedirect(response.StatusCode))
                {
                    (uri, method, body) = FollowRedirect(request, response, uri, method, body, ++redirects, attempt);
                    attempt--; // a redirect is not a retry
                    continue;
                }
                if (response.StatusCode == 401 && !renewed)
                {
                    renewed = true;
                    if (await authenticator.RenewAsync(response.Tag?.Stamp, this, log, cancellationToken).ConfigureAwait(false))
                    {
                        if (log.IsVerboseEnabled) log.WriteVerbose($"{method.Method} {UriText.ForDisplay(uri)}: 401, sending again with a renewed token.");
                        attempt--;
                        continue;
                    }
                }
                // A refusal the gate held everyone for was about the connection, not this item: its next one is fresh evidence.
                if (throttled == true) refusedBefore = verdict != ThrottleVerdict.Hold;
                var retryableStatus = RetryPolicy.IsRetryableStatus(response.StatusCode, request.MayCreateWork);
                if (retryableStatus && (verdict is ThrottleVerdict.Hold or ThrottleVerdict.Rate or ThrottleVerdict.Undecided) && WithinConnectionWait(ref connectionWaitSince))
                {
                    await WaitOutConnectionLimitAsync(request, uri, verdict, retryAfter, StatusClassifier.Describe(response.StatusCode), log, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                if (retryableStatus && retries < Options.MaximumRetryCount)
                {
                    retryAfter ??= RetryAfterParser.Parse(response.Header("Retry-After"), DateTimeOffset.UtcNow);
                    await WaitBeforeRetryAsync(request, uri, ++retries, retryAfter, StatusClassifier.Describe(response.StatusCode), log, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                response.SetTotals(Since(started), attempt);
                return response;
            }
        }

        private bool ProxyCredentialGiven => Options.ProxyCredential is not null || Options.ProxyUseDefaultCredentials;

        private void EnsureTransportAllowed(Uri uri, IAuthenticator authenticator, ApiRequest request, int attempt)
        {
            var secret = authenticator.SendsSecrets || request.CarriesSecrets;
            if (secret && !string.Equals(uri.Scheme, "https", StringComparison.OrdinalIgnoreCase) && !Options.AllowUnencryptedAuthentication)
            {
                throw new OperationsApiException(
                    $"Refusing to send credentials over unencrypted {uri.Scheme}:// to {UriText.ForDisplay(uri)}. Use an https:// address, or pass -AllowUnencryptedAuthentication if you accept that the secret can be read on the network.",
                    ErrorIds.UnencryptedAuthentication, ErrorCategoryName.SecurityError)
                {
                    Method = request.Method.Method,
                    RequestUri = UriText.Sanitize(uri),
                    Attempts = attempt - 1,
                    RecommendedAction = "Use https://, or add -AllowUnencryptedAuthentication for a trusted test network.",
                };
            }
        }

        private async Task<ApiResponse> SendOnceAsync(ApiRequest request, HttpMethod method, Uri uri, string? body, IAuthenticator authenticator, ILogSink log, int attempt, CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Options.Timeout);
            var attemptStarted = Stopwatch.GetTimestamp();
            var nothingSent = true;
            try
            {
                using var message = new HttpRequestMessage(method, uri);
                if (body is not null)
                    message.Content = new StringContent(body, Encoding.UTF8, request.BodyMediaType ?? "application/json");
                if (request.HasHeaders)
                    foreach (var header in request.Headers)
                        HeaderValues.Write(message, header.Key, header.Value, HeaderOrigin.Module);
                if (!message.Headers.Contains("User-Agent"))
                    HeaderValues.Write(message, "User-Agent", Options.UserAgent, HeaderOrigin.UserAgent);
                var stamp = await authenticator.ApplyAsync(message, this, log, timeout.Token).ConfigureAwait(false);
                if (log.IsDebugEnabled) log.WriteDebug(Secrets.SecretScope.Apply(DescribeRequest(message, request)));
                nothingSent = false;
                // The invoker returns once headers arrive (HttpClient's ResponseHeadersRead): the body is read capped below.
                using var response = await _client.SendAsync(message, timeout.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                var success = status >= 200 && status <= 299;
                var cap = success ? Options.MaximumResponseBytes : Options.MaximumErrorBodyBytes;
                // 204 and 304 have no body by definition: no stream is opened for them.
                var (bytes, truncated) = status is 204 or 304
                    ? (Array.Empty<byte>(), false)
                    : success && request.Download is { } download ? await download.ReceiveAsync(response.Content, timeout.Token).ConfigureAwait(false)
                    : await CappedBodyReader.ReadAsync(response.Content, cap, timeout.Token).ConfigureAwait(false);
                if (success && truncated)
                    throw new TransportFailure(new OperationsApiException(
                        $"The response to {method.Method} {UriText.ForDisplay(uri)} is larger than the {Options.MaximumResponseBytes} bytes this module reads.",
                        ErrorIds.UnexpectedResponse, ErrorCategoryName.InvalidResult) { Method = method.Method, RequestUri = UriText.Sanitize(uri), StatusCode = status }, retryable: false, nothingSent: false);
                var headers = new ResponseHeaders(response.Headers, response.Content);
                // A 204 or 304 has no body, so no media type: skip parsing the content headers for it.
                var contentType = status is 204 or 304 ? null : response.Content?.Headers.ContentType?.MediaType;
                var text = BodyCharset.Decode(bytes, status is 204 or 304 ? null : response.Content?.Headers.ContentType?.CharSet);
                // An error answer is only ever quoted: masked here, once. A success body is data (a token, a list), quoted only through QuotedBody.
                if (!success) text = Secrets.SecretScope.Apply(text);
                var result = new ApiResponse(status, Secrets.SecretScope.Apply(response.ReasonPhrase), headers, text, contentType, UriText.Sanitize(uri), Since(attemptStarted), attempt, truncated)
                {
                    Secrets = Secrets.SecretScope.Current,
                    BodyBytes = bytes,
                    Tag = new AttemptTag(stamp),
                    Proxy = Options.Proxy,
                };
                if (log.IsDebugEnabled) log.WriteDebug(Secrets.SecretScope.Apply(DescribeResponse(result, request)));
                return result;
            }
            catch (Exception ex) when (BodyReadCancellation.Classify(ex, cancellationToken, timeout.Token) == CancellationCause.Timeout)
            {
                throw new TransportFailure(new OperationsApiException(
                    $"{method.Method} {UriText.ForDisplay(uri)} timed out after {Options.Timeout.TotalSeconds:0.###} s (-TimeoutSec).",
                    ErrorIds.Timeout, ErrorCategoryName.OperationTimeout)
                {
                    Method = method.Method,
                    RequestUri = UriText.Sanitize(uri),
                    RecommendedAction = "Raise -TimeoutSec, or check that the server is responsive.",
                }, retryable: false, nothingSent: nothingSent);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && BodyReadCancellation.Classify(ex, cancellationToken, timeout.Token) == CancellationCause.Caller)
            {
                // .NET Framework reports Ctrl+C during a read as IOException or WebException: the caller sees a cancellation.
                throw new OperationCanceledException("The request was cancelled.", ex, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                throw TransportFailure.FromHttpRequestException(ex, method, uri, Options.Proxy, ProxyCredentialGiven);
            }
        }

        private async Task WaitBeforeRetryAsync(ApiRequest request, Uri uri, int attempt, TimeSpan? retryAfter, string reason, ILogSink log, CancellationToken cancellationToken)
        {
            var delay = RetryPolicy.Delay(attempt, Options.RetryInterval, Options.MaximumRetryDelay, retryAfter, _jitter());
            // Each retry is one verbose line (built only when someone listens): it explains a slow bulk run.
            if (log.IsVerboseEnabled)
                log.WriteVerbose($"Retrying {request.Method.Method} {UriText.ForDisplay(uri)} in {delay.TotalSeconds:0.###} s (retry {attempt} of {Options.MaximumRetryCount}) after {reason}{DescribeRetryAfter(retryAfter, delay)}.");
            if (delay > TimeSpan.Zero) await Throttle.Clock.Delay(delay, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// A refusal that limits the whole connection: with a hold, the gate keeps this request back with all the others
        /// until the Retry-After has passed; a rate refusal (the others go on) waits its own Retry-After; without one,
        /// this request alone backs off. Either way it is not one of the -MaximumRetryCount retries.
        /// </summary>
        private async Task WaitOutConnectionLimitAsync(ApiRequest request, Uri uri, ThrottleVerdict verdict, TimeSpan? retryAfter, string reason, ILogSink log, CancellationToken cancellationToken)
        {
            var delay = verdict == ThrottleVerdict.Hold && retryAfter is not null
                ? TimeSpan.Zero
                : RetryPolicy.Delay(1, Options.RetryInterval, Options.MaximumRetryDelay, retryAfter, _jitter());
            if (log.IsVerboseEnabled)
                log.WriteVerbose($"Retrying {request.Method.Method} {UriText.ForDisplay(uri)} after {reason}: the server limits the connection, not this request (not counted against -MaximumRetryCount){(delay == TimeSpan.Zero ? " when the server's Retry-After has passed" : $" in {delay.TotalSeconds:0.###} s")}.");
            if (delay > TimeSpan.Zero) await Throttle.Clock.Delay(delay, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Waiting out the connection's limit is free for MaximumThrottleWait from this request's first such wait, so every run ends.</summary>
        private bool WithinConnectionWait(ref DateTimeOffset? since)
        {
            var now = Throttle.Clock.UtcNow;
            since ??= now;
            return now - since.Value <= Options.MaximumThrottleWait;
        }

        /// <summary>
        /// The quota the answer announces, if any: a few header lookups, no copy of the headers. An epoch reset is read
        /// against the gate's clock (the wall clock, or a test's virtual one shared with the simulator).
        /// </summary>
        private AnnouncedLimit? ReadAnnouncedLimit(ApiResponse response)
        {
            var now = Throttle.Clock.UtcNow;
            return response.Headers is ResponseHeaders headers
                ? AnnouncedLimitParser.Parse(headers.First, now)
                : AnnouncedLimitParser.Parse(response.Header, now);
        }

        /// <summary>
        /// The server's "slow down": 429, or 503 asking for a wait (Retry-After above zero). A 503 without one, or with
        /// "retry now", is an outage or a hiccup, retried per request as before.
        /// </summary>
        private static bool IsThrottle(ApiResponse response, out TimeSpan? retryAfter)
        {
            retryAfter = null;
            if (response.StatusCode is not (429 or 503)) return false;
            retryAfter = RetryAfterParser.Parse(response.Header("Retry-After"), DateTimeOffset.UtcNow);
            return response.StatusCode == 429 || retryAfter > TimeSpan.Zero;
        }

        private static string DescribeRetryAfter(TimeSpan? retryAfter, TimeSpan delay) =>
            retryAfter is not { } asked ? string.Empty
            : asked > delay ? $"; the server asked for {asked.TotalSeconds:0.###} s (Retry-After), capped by the maximum retry delay"
            : $"; the server asked for {asked.TotalSeconds:0.###} s (Retry-After)";

        private static TimeSpan Since(long timestamp) =>
            TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - timestamp) * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));

        private static bool IsRedirect(int status) => status is 301 or 302 or 303 or 307 or 308;

        private (Uri, HttpMethod, string?) FollowRedirect(ApiRequest request, ApiResponse response, Uri uri, HttpMethod method, string? body, int redirects, int attempt)
        {
            var location = response.Header("Location");
            Uri? target = null;
            if (location is not null) Uri.TryCreate(uri, location, out target);
            var keepsMethod = response.StatusCode is 307 or 308 || method == HttpMethod.Get;
            string? problem = null;
            if (target is null) problem = "without a usable Location header";
            else if (!UriText.SameOrigin(uri, target)) problem = $"to another origin ({UriText.ForDisplay(target)}); credentials are never sent to another host or over a downgraded scheme";
            else if (!keepsMethod) problem = $"to {UriText.ForDisplay(target)} with a {response.StatusCode}, which would turn this {method.Method} into a GET (often a login page)";
            else if (redirects > Options.MaximumRedirects) problem = $"more than {Output.Counted.Of(Options.MaximumRedirects, "time")}";
            if (problem is null) return (target!, method, body);
            throw new OperationsApiException(
                $"The server redirected {method.Method} {UriText.ForDisplay(uri)} {problem}.",
                ErrorIds.UnexpectedRedirect, ErrorCategoryName.InvalidResult)
            {
                StatusCode = response.StatusCode,
                Method = method.Method,
                RequestUri = UriText.Sanitize(uri),
                // A redirect's body may echo what a login sent or answered: not kept for requests that carry secrets.
                RawBody = request.CarriesSecrets ? null : OperationsApiException.Truncate(response.Body),
                ContentType = response.ContentType,
                Attempts = attempt,
                RecommendedAction = "Check -BaseUri: point it at the address the server redirects to if you trust that server.",
            };
        }

        private static string DescribeRequest(HttpRequestMessage message, ApiRequest request)
        {
            var text = new StringBuilder();
            text.Append("HTTP request: ").Append(message.Method.Method).Append(' ').AppendLine(UriText.ForDisplay(message.RequestUri!));
            text.AppendLine(Redactor.Headers(message.Headers));
            if (request.Body is not null)
                text.AppendLine(request.CarriesSecrets ? $"<body of {Output.Counted.Of(request.Body.Length, "character")} hidden: it carries credentials>" : Redactor.Body(request.Body));
            return text.ToString().TrimEnd();
        }

        private static string DescribeResponse(ApiResponse response, ApiRequest request)
        {
            var text = new StringBuilder();
            text.Append("HTTP response: ").AppendLine(StatusClassifier.Describe(response.StatusCode));
            text.AppendLine(Redactor.Headers(response.Headers.Select(h => new KeyValuePair<string, IEnumerable<string>>(h.Key, h.Value))));
            if (response.Body.Length > 0)
                text.AppendLine(request.CarriesSecrets && response.IsSuccess ? $"<body of {Output.Counted.Of(response.Body.Length, "character")} hidden: it carries a token>" : Redactor.Body(Shorten(response.Body)));
            return text.ToString().TrimEnd();
        }

        private static string Shorten(string body) => body.Length <= 4096 ? body : body.Substring(0, 4096) + "…";

        public void Dispose()
        {
            if (!_sharesClient) _client.Dispose();
        }

        internal sealed class AttemptTag
        {
            public AttemptTag(object? stamp) => Stamp = stamp;

            public object? Stamp { get; }
        }
    }
}
