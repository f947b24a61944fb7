using System;

namespace OperationsModule.Core.Http
{
    /// <summary>Which failures are transient, and how long to wait before the next attempt.</summary>
    internal static class RetryPolicy
    {
        /// <summary>408, 429, 502, 503, 504. A request that may create work is retried only on 429 (the server refused it unprocessed).</summary>
        public static bool IsRetryableStatus(int status, bool mayCreateWork) =>
            mayCreateWork ? status == 429 : status is 408 or 429 or 502 or 503 or 504;

        /// <summary>
        /// Exponential backoff with jitter over [interval*2^(retry-1)/2, interval*2^(retry-1)] ("equal
        /// jitter": never a zero wait, yet concurrent clients spread out), or the server's Retry-After when
        /// larger; never longer than the cap. jitter01 is a uniform draw in [0, 1].
        /// </summary>
        public static TimeSpan Delay(int retryNumber, TimeSpan interval, TimeSpan cap, TimeSpan? retryAfter, double jitter01)
        {
            if (retryNumber < 1) throw new ArgumentOutOfRangeException(nameof(retryNumber), retryNumber, "The first retry is number 1.");
            if (double.IsNaN(jitter01) || jitter01 < 0 || jitter01 > 1) throw new ArgumentOutOfRangeException(nameof(jitter01), jitter01, "Jitter is a draw in [0, 1].");
            var capMs = Math.Max(0, cap.TotalMilliseconds);
            var exponent = Math.Min(retryNumber - 1, 30);
            var ceiling = Math.Max(0, interval.TotalMilliseconds) * Math.Pow(2, exponent);
            var backoff = ceiling / 2 + ceiling / 2 * jitter01;
            var chosen = Math.Max(backoff, retryAfter?.TotalMilliseconds ?? 0);
            return TimeSpan.FromMilliseconds(Math.Min(chosen, capMs));
        }
    }
}
