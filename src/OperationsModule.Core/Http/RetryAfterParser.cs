using System;
using System.Globalization;

namespace OperationsModule.Core.Http
{
    /// <summary>Retry-After in both RFC 9110 forms: delta-seconds and HTTP-date.</summary>
    internal static class RetryAfterParser
    {
        // RFC 9110 section 5.6.7: IMF-fixdate, and the obsolete RFC 850 and asctime forms recipients must accept.
        // Exact formats only: a lenient parse would read "1.5" or "-5" as a calendar date.
        private static readonly string[] HttpDateFormats =
        {
            "ddd, dd MMM yyyy HH:mm:ss 'GMT'",
            "dddd, dd-MMM-yy HH:mm:ss 'GMT'",
            "ddd MMM d HH:mm:ss yyyy",
            "ddd MMM dd HH:mm:ss yyyy",
        };

        /// <summary>The wait the server asks for, never negative; null when absent or not in either form.</summary>
        public static TimeSpan? Parse(string? value, DateTimeOffset now)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            var text = value!.Trim();
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                return TimeSpan.FromSeconds(Math.Min(seconds, int.MaxValue));
            var spaced = text.Replace("  ", " ");
            if (DateTimeOffset.TryParseExact(spaced, HttpDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                var wait = date - now;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
            return null;
        }
    }
}
