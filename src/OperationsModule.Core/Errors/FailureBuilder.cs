using System;
using OperationsModule.Core.Http;

namespace OperationsModule.Core.Errors
{
    /// <summary>Builds the exception for a response whose status is not a success for the call.</summary>
    internal static class FailureBuilder
    {
        public static OperationsApiException FromResponse(ApiRequest request, ApiResponse response, IErrorBodyParser parser, string subject)
        {
            if (request.CarriesSecrets && !IsErrorStatus(response.StatusCode)) return WithoutBody(request, response, subject);
            VendorError? vendor;
            try
            {
                vendor = parser.Parse(response);
            }
            catch (Exception)
            {
                // A parser bug must not replace the server's answer with a stack trace.
                vendor = null;
            }
            // A success answer's Body is as received (it is data); whatever of it is quoted is masked like an error's.
            if (response.Secrets is { } secrets) vendor?.MaskWith(secrets);
            var (errorId, category) = StatusClassifier.Classify(response.StatusCode);
            errorId = vendor?.ErrorIdOverride ?? errorId;
            category = vendor?.CategoryOverride ?? category;
            // A login or token call's answer is never quoted: only the vendor's parsed error (its documented error format) is.
            var said = vendor?.Message ?? (request.CarriesSecrets ? (response.Body.Length == 0 ? null : BodyShape.Describe(response.Body)) : BodyText.Summarize(response.QuotedBody, response.ContentType));
            var describedStatus = StatusClassifier.Describe(response.StatusCode);
            var message = $"{subject}: {request.Method.Method} {UriText.ForDisplay(request.Uri)} answered {describedStatus}"
                + (said is null ? (response.Body.Length == 0 ? " with an empty body." : ".") : ": " + said)
                + CodeSuffix(vendor);
            if (vendor is null && response.Proxy is { } proxy && response.StatusCode is 502 or 504)
                message += ProxyFailure.GatewayNote(proxy);
            else if (vendor is null && response.Body.Length > 0 && said is not null && LooksLikeHtml(response))
                message += " (an HTML page, not the API's error format: is a proxy or login page in the way?)";
            return new OperationsApiException(message, errorId, category)
            {
                StatusCode = response.StatusCode,
                Method = request.Method.Method,
                RequestUri = response.RequestUri,
                VendorError = vendor ?? (said is null ? null : new VendorError { Message = said }),
                RawBody = request.CarriesSecrets ? null : OperationsApiException.Truncate(response.QuotedBody),
                ContentType = response.ContentType,
                RetryAfter = RetryAfterParser.Parse(response.Header("Retry-After"), DateTimeOffset.UtcNow),
                CorrelationId = vendor?.CorrelationId ?? Quoted(response, response.Header("X-Request-Id") ?? response.Header("X-Correlation-Id")),
                Attempts = response.Attempts,
                RecommendedAction = vendor?.Remediation ?? StatusClassifier.Advice(response.StatusCode),
            };
        }

        private static bool IsErrorStatus(int status) => status >= 400;

        /// <summary>A header the server sent, as quoted in an error: masked like the body.</summary>
        private static string? Quoted(ApiResponse response, string? text) =>
            text is null || response.Secrets is not { } secrets ? text : secrets.Apply(text);

        /// <summary>
        /// A login or token call answered a status the module did not expect, yet not an error (a 201 or 202 whose
        /// body may be the token itself): the status and the body's shape, never the body.
        /// </summary>
        private static OperationsApiException WithoutBody(ApiRequest request, ApiResponse response, string subject)
        {
            var (errorId, category) = StatusClassifier.Classify(response.StatusCode);
            return new OperationsApiException(
                $"{subject}: {request.Method.Method} {UriText.ForDisplay(request.Uri)} answered {StatusClassifier.Describe(response.StatusCode)}, which this call does not expect, with {BodyShape.Describe(response.Body)} (not shown: the answer to a login or token call may hold a secret).",
                errorId, category)
            {
                StatusCode = response.StatusCode,
                Method = request.Method.Method,
                RequestUri = response.RequestUri,
                ContentType = response.ContentType,
                Attempts = response.Attempts,
                CorrelationId = Quoted(response, response.Header("X-Request-Id") ?? response.Header("X-Correlation-Id")),
                RecommendedAction = StatusClassifier.Advice(response.StatusCode),
            };
        }

        /// <summary>
        /// The vendor's error code on the message (" [badToken]") so it can be searched for; a code that is a
        /// URI (an RFC 7807 problem type) is left to VendorError.Code because it reads as noise in one line.
        /// </summary>
        private static string CodeSuffix(VendorError? vendor) =>
            vendor?.Code is { Length: > 0 } code && code.IndexOf(':') < 0 && code.IndexOf('/') < 0 ? $" [{code}]" : string.Empty;

        /// <summary>
        /// A success status whose answer lacks what the API documents (no operationId, no token, an unreadable
        /// progress text): usually -BaseUri points at something else. The body is left out on purpose: a token
        /// endpoint's answer may hold a secret; callers that know the body is safe set RawBody themselves.
        /// </summary>
        public static OperationsApiException UnexpectedShape(string message, ApiRequest request, ApiResponse response, string recommendedAction) =>
            new OperationsApiException(message, ErrorIds.UnexpectedResponse, ErrorCategoryName.InvalidResult)
            {
                StatusCode = response.StatusCode,
                Method = request.Method.Method,
                RequestUri = response.RequestUri,
                ContentType = response.ContentType,
                RecommendedAction = recommendedAction,
            };

        private static bool LooksLikeHtml(ApiResponse response) =>
            (response.ContentType?.IndexOf("html", StringComparison.OrdinalIgnoreCase) ?? -1) >= 0;
    }
}
