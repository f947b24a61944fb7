using System;
using System.Diagnostics;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http.Runtime;

namespace OperationsModule.Core.Http.Pipeline
{
    /// <summary>
    /// The terminal step: one attempt on the wire under -TimeoutSec (connect, headers and the capped body read), its
    /// failures turned into <see cref="TransportFailure"/> (Timeout, ConnectionFailed, certificate, proxy) or the
    /// caller's cancellation.
    /// </summary>
    internal sealed class HttpSender : ITerminalSender
    {
        private readonly ConnectionClient _client;
        private readonly HttpOptions _options;

        public HttpSender(ConnectionClient client, HttpOptions options)
        {
            _client = client;
            _options = options;
        }

        public async Task<ApiResponse> SendAsync(SendContext context)
        {
            var cancellationToken = context.CancellationToken;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            var started = Stopwatch.GetTimestamp();
            try
            {
                // The invoker returns once headers arrive (HttpClient's ResponseHeadersRead): the body is read capped below.
                using var response = await _client.Invoker(context.Log).SendAsync(context.Message!, timeout.Token).ConfigureAwait(false);
                // 204 and 304 have no body by definition: no stream is opened, and no async read to wait for.
                return (int)response.StatusCode is 204 or 304
                    ? Answer(context, response, started, Array.Empty<byte>(), truncated: false)
                    : await ReadAsync(context, response, started, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (BodyReadCancellation.Classify(ex, cancellationToken, timeout.Token) == CancellationCause.Timeout)
            {
                throw new TransportFailure(new OperationsApiException(
                    $"{context.Target} timed out after {_options.Timeout.TotalSeconds:0.###} s (-TimeoutSec).",
                    ErrorIds.Timeout, ErrorCategoryName.OperationTimeout)
                {
                    Method = context.Method.Method,
                    RequestUri = UriText.Sanitize(context.Uri),
                    RecommendedAction = "Raise -TimeoutSec, or check that the server is responsive.",
                }, retryable: false, nothingSent: false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && BodyReadCancellation.Classify(ex, cancellationToken, timeout.Token) == CancellationCause.Caller)
            {
                // .NET Framework reports Ctrl+C during a read as IOException or WebException: the caller sees a cancellation.
                throw new OperationCanceledException("The request was cancelled.", ex, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                throw TransportFailure.FromHttpRequestException(ex, context.Method, context.Uri, _options.Proxy, _options.ProxyCredential is not null || _options.ProxyUseDefaultCredentials);
            }
        }

        private async Task<ApiResponse> ReadAsync(SendContext context, HttpResponseMessage response, long started, CancellationToken timeout)
        {
            var status = (int)response.StatusCode;
            var success = status >= 200 && status <= 299;
            var cap = success ? _options.MaximumResponseBytes : _options.MaximumErrorBodyBytes;
            byte[] bytes;
            bool truncated;
            try
            {
                (bytes, truncated) = success && context.Request.Download is { } download
                    ? await download.ReceiveAsync(response.Content, timeout).ConfigureAwait(false)
                    : await CappedBodyReader.ReadAsync(response.Content, cap, timeout).ConfigureAwait(false);
            }
            catch (Exception ex) when (!timeout.IsCancellationRequested && ResponseIncompleteException.IsCutOff(ex))
            {
                // The headers came, the body did not: an ordinary failure of this request, never a raw .NET exception.
                var partial = new ApiResponse(status, response.ReasonPhrase, new ResponseHeaders(response.Headers, response.Content), string.Empty, null, UriText.Sanitize(context.Uri), Elapsed.Since(started), context.Attempt);
                throw new TransportFailure(new ResponseIncompleteException(context.Target, partial, ex) { Method = context.Method.Method }, retryable: true, nothingSent: false);
            }
            if (success && truncated)
                throw new TransportFailure(new OperationsApiException(
                    $"The response to {context.Target} is larger than the {_options.MaximumResponseBytes} bytes this module reads.",
                    ErrorIds.UnexpectedResponse, ErrorCategoryName.InvalidResult) { Method = context.Method.Method, RequestUri = UriText.Sanitize(context.Uri), StatusCode = status }, retryable: false, nothingSent: false);
            return Answer(context, response, started, bytes, truncated);
        }

        /// <summary>The answer as the steps see it, from its status, headers and the body read (if any).</summary>
        private ApiResponse Answer(SendContext context, HttpResponseMessage response, long started, byte[] bytes, bool truncated)
        {
            var status = (int)response.StatusCode;
            var success = status >= 200 && status <= 299;
            var headers = new ResponseHeaders(response.Headers, response.Content);
            // A 204 or 304 has no body, so no media type: skip parsing the content headers for it.
            var mediaType = status is 204 or 304 ? null : response.Content?.Headers.ContentType;
            var contentType = mediaType?.MediaType;
            var text = BodyCharset.Decode(bytes, mediaType?.CharSet);
            // An error answer is only ever quoted: masked here, once. A success body is data (a token, a list), quoted only through QuotedBody.
            if (!success) text = Secrets.SecretScope.Apply(text);
            return new ApiResponse(status, success ? response.ReasonPhrase : Secrets.SecretScope.Apply(response.ReasonPhrase), headers, text, contentType, UriText.Sanitize(context.Uri), Elapsed.Since(started), context.Attempt, truncated)
            {
                Secrets = Secrets.SecretScope.Current,
                BodyBytes = bytes,
                Proxy = _options.Proxy,
            };
        }
    }
}
