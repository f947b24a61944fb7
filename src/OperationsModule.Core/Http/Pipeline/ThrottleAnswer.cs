using System;

namespace OperationsModule.Core.Http.Pipeline
{
    /// <summary>How an answer reads as the server's "slow down".</summary>
    internal static class ThrottleAnswer
    {
        /// <summary>
        /// 429, or 503 asking for a wait (Retry-After above zero). A 503 without one, or with "retry now", is an outage
        /// or a hiccup, retried per request.
        /// </summary>
        public static bool IsThrottle(ApiResponse response, out TimeSpan? retryAfter)
        {
            retryAfter = RetryAfter(response);
            return response.StatusCode == 429 || (response.StatusCode == 503 && retryAfter > TimeSpan.Zero);
        }

        /// <summary>The Retry-After of a 429 or 503; null for any other status.</summary>
        public static TimeSpan? RetryAfter(ApiResponse response) =>
            response.StatusCode is 429 or 503 ? RetryAfterParser.Parse(response.Header("Retry-After"), DateTimeOffset.UtcNow) : null;
    }
}
