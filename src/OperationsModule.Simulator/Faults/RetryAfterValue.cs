using System;
using System.Globalization;

namespace OperationsModule.Simulator.Faults;

/// <summary>
/// The Retry-After a limiter sends: "auto" = whole seconds until it would admit (at least 1), "date" = that moment
/// as an HTTP date on the simulator's clock (rounded up to the second), null or "none" = no header, anything else verbatim.
/// </summary>
internal static class RetryAfterValue
{
    public static string? Format(string? spec, TimeSpan wait, DateTimeOffset now)
    {
        if (string.Equals(spec, "none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (string.Equals(spec, "auto", StringComparison.OrdinalIgnoreCase))
        {
            return Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        if (string.Equals(spec, "date", StringComparison.OrdinalIgnoreCase))
        {
            var at = now + (wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
            var seconds = (long)Math.Ceiling(at.ToUnixTimeMilliseconds() / 1000.0);
            return DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("r", CultureInfo.InvariantCulture);
        }

        return spec;
    }
}
