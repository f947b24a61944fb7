using System;

namespace OperationsModule.Core.Auth
{
    /// <summary>
    /// A server's statement of how long a token lives, taken within sane bounds: a lifetime beyond a day counts as a
    /// day (renewing early costs one login), and zero, negative or past ones as unknown (a 401 renews then). No
    /// server-sent number can throw (DateTimeOffset arithmetic past year 9999 would).
    /// </summary>
    internal static class TokenLifetime
    {
        public static readonly TimeSpan Longest = TimeSpan.FromDays(1);

        /// <summary>Seconds from now (OL Connect Token-Expires-In, OAuth expires_in).</summary>
        public static DateTimeOffset? FromSeconds(long? seconds, DateTimeOffset now) =>
            seconds is { } s && s > 0 ? now + (s >= Longest.TotalSeconds ? Longest : TimeSpan.FromSeconds(s)) : (DateTimeOffset?)null;

        /// <summary>An instant (a JWT's exp).</summary>
        public static DateTimeOffset? FromInstant(DateTimeOffset? at, DateTimeOffset now) =>
            at is not { } instant || instant <= now ? (DateTimeOffset?)null
            : instant - now > Longest ? now + Longest : instant;
    }
}
