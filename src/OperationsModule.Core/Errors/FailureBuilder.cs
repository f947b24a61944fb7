using System;
using OperationsModule.Core.Http;

namespace OperationsModule.Core.Errors
{
    /// <summary>Builds the exception for a response whose status is not a success for the call.</summary>
    public static class FailureBuilder
    {
        public static OperationsApiException FromResponse(ApiRequest request, ApiResponse response, IErrorBodyParser parser, string subject)
        {
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
            var (errorId, category) = StatusClassifier.Classify(response.StatusCode);
            errorId = vendor?.ErrorIdOverride ?? errorId;
            category = vendor?.CategoryOverride ?? category;
            var said = vendor?.Message ?? BodyText.Summarize(response.Body, response.ContentType);
            var describedStatus = StatusClassifier.Describe(response.StatusCode);
            var message = $"{subject}: {request.Method.Method} {UriText.ForDisplay(request.Uri)} answered {describedStatus}"
                + (said is null ? (response.Body.Length == 0 ? " with an empty body." : ".") : ": " + said)
                + CodeSuffix(vendor);
            if (vendor is null && response.Body.Length > 0 && said is not null && LooksLikeHtml(response))
                message += " (an HTML page, not the API's error format: is a proxy or login page in the way?)";
            return new OperationsApiException(message, errorId, category)
            {
                StatusCode = response.StatusCode,
                Method = request.Method.Method,
                RequestUri = response.RequestUri,
                VendorError = vendor ?? (said is null ? null : new VendorError { Message = said }),
                RawBody = OperationsApiException.Truncate(response.Body),
                ContentType = response.ContentType,
                RetryAfter = RetryAfterParser.Parse(response.Header("Retry-After"), DateTimeOffset.UtcNow),
                CorrelationId = vendor?.CorrelationId ?? response.Header("X-Request-Id") ?? response.Header("X-Correlation-Id"),
                Attempts = response.Attempts,
                RecommendedAction = vendor?.Remediation ?? StatusClassifier.Advice(response.StatusCode),
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
