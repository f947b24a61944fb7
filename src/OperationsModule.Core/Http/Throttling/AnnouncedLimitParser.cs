using System;
using System.Collections.Generic;
using System.Globalization;

namespace OperationsModule.Core.Http.Throttling
{
    /// <summary>
    /// Reads the quota a server announces, in the three conventions seen in the wild, newest first:
    /// <list type="number">
    /// <item>the IETF httpapi structured fields (draft -07 and later): <c>RateLimit: "p";r=50;t=30</c> (remaining,
    /// seconds to reset) with <c>RateLimit-Policy: "p";q=100;w=60</c> (quota, window seconds);</item>
    /// <item>the earlier drafts (up to -06): <c>RateLimit-Limit</c>, <c>RateLimit-Remaining</c>, <c>RateLimit-Reset</c>
    /// (delta seconds);</item>
    /// <item>GitHub's <c>X-RateLimit-Limit</c>, <c>X-RateLimit-Remaining</c>, <c>X-RateLimit-Reset</c> (Unix epoch
    /// seconds).</item>
    /// </list>
    /// Rules: a reset of at least 1 000 000 000 is a Unix time (September 2001 on; no server announces a 31-year
    /// window), anything smaller is seconds from now, whatever the convention claims, since servers mix them up. A value
    /// that is missing, not a whole number, negative, contradictory (more remaining than the limit, a reset long past)
    /// or huge (a reset beyond a day, a quota beyond a billion) makes that convention say nothing: the answer is used
    /// as if it carried no quota. Never throws.
    /// </summary>
    internal static class AnnouncedLimitParser
    {
        /// <summary>Unix times from here on; smaller resets are delta seconds.</summary>
        public const long EpochThreshold = 1_000_000_000;

        public const double MaximumResetSeconds = 86_400;

        /// <summary>An epoch reset this far in the past is clock skew and reads as "now"; further back is nonsense.</summary>
        public const double ToleratedSkewSeconds = 60;

        private const long MaximumQuota = 1_000_000_000;

        /// <param name="header">The first value of a response header, or null when absent.</param>
        /// <param name="now">The local wall clock, to turn an epoch reset into seconds from now.</param>
        public static AnnouncedLimit? Parse(Func<string, string?> header, DateTimeOffset now) =>
            Parse(header, (lookup, name) => lookup(name), now);

        /// <summary>
        /// As <see cref="Parse(Func{string, string}, DateTimeOffset)"/>, with the headers read from <paramref name="source"/>
        /// by a lambda that captures nothing: the throttle step reads every answer, and a delegate bound to each answer's
        /// headers was an allocation per request.
        /// </summary>
        public static AnnouncedLimit? Parse<TSource>(TSource source, Func<TSource, string, string?> header, DateTimeOffset now)
        {
            try
            {
                // Each family read from its first header on, and only as far as it is there: most servers send none,
                // and a header lookup by name is not free (three per answer instead of eight).
                return (header(source, "RateLimit") is { } rateLimit ? Structured(rateLimit, header(source, "RateLimit-Policy"), now) : null)
                    ?? Fields(source, header, "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Limit", now)
                    ?? Fields(source, header, "X-RateLimit-Remaining", "X-RateLimit-Reset", "X-RateLimit-Limit", now);
            }
            catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
            {
                return null; // a header is advice: nonsense in it is ignored, never a failure
            }
        }

        private static AnnouncedLimit? Fields<TSource>(TSource source, Func<TSource, string, string?> header, string remainingName, string resetName, string limitName, DateTimeOffset now) =>
            header(source, remainingName) is { } remaining && header(source, resetName) is { } reset
                ? Fields(remaining, reset, header(source, limitName), now)
                : null;

        private static AnnouncedLimit? Fields(string remainingText, string resetText, string? limitText, DateTimeOffset now)
        {
            if (Whole(FirstMember(remainingText)) is not { } remaining || remaining > MaximumQuota) return null;
            if (Reset(FirstMember(resetText), now) is not { } reset) return null;
            long? limit = null;
            if (limitText is not null)
            {
                // Drafts up to -06 may append policies ("100, 100;w=60"): the first member is the quota.
                if (Whole(FirstMember(limitText)) is not { } parsed || parsed < 1 || parsed > MaximumQuota) return null;
                limit = parsed;
            }
            return Consistent(remaining, reset, limit, null);
        }

        private static AnnouncedLimit? Structured(string? rateLimit, string? policy, DateTimeOffset now)
        {
            if (rateLimit is null) return null;
            var item = Parameters(Member(rateLimit));
            var remaining = Whole(Value(item, "r") ?? Value(item, "remaining"));
            if (remaining is null || remaining > MaximumQuota) return null;
            long? limit = null;
            double? window = null;
            if (policy is not null)
            {
                // The policy the RateLimit field names; a name no policy declares contradicts the server's own policy list.
                var named = PolicyNamed(policy, Name(Member(rateLimit)));
                if (named is null) return null;
                var terms = Parameters(named);
                limit = Whole(Value(terms, "q") ?? Value(terms, "limit"));
                if (limit is < 1 or > MaximumQuota) return null;
                if (Whole(Value(terms, "w")) is { } w)
                {
                    if (w < 1 || w > MaximumResetSeconds) return null;
                    window = w;
                }
            }
            limit ??= Whole(Value(item, "limit"));
            // No t: the quota lasts the policy's window at most.
            var resetText = Value(item, "t") ?? Value(item, "reset");
            var reset = resetText is null ? window : Reset(resetText, now);
            return reset is { } r ? Consistent(remaining.Value, r, limit, window) : null;
        }

        private static AnnouncedLimit? Consistent(long remaining, double reset, long? limit, double? window)
        {
            if (limit is { } l && remaining > l) return null;
            if (window is { } w && reset > w) return null;
            return new AnnouncedLimit(remaining, reset, limit, window);
        }

        /// <summary>Seconds until the reset: a Unix time or a delta (see the class rules), or null for nonsense.</summary>
        internal static double? Reset(string? text, DateTimeOffset now)
        {
            if (Whole(text) is not { } value) return null;
            double seconds = value;
            if (value >= EpochThreshold)
            {
                seconds = value - now.ToUnixTimeMilliseconds() / 1000.0;
                if (seconds < -ToleratedSkewSeconds) return null;
                seconds = Math.Max(0, seconds);
            }
            return seconds <= MaximumResetSeconds ? seconds : (double?)null;
        }

        /// <summary>A non-negative whole number; null for anything else (signs, fractions, words, overflow).</summary>
        private static long? Whole(string? text)
        {
            if (text is null) return null;
            return long.TryParse(text.Trim().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : (long?)null;
        }

        /// <summary>A structured list member's name: the token or string before its parameters ("" for the dictionary form).</summary>
        private static string Name(string member)
        {
            var semicolon = member.IndexOf(';');
            var head = (semicolon < 0 ? member : member.Substring(0, semicolon)).Trim();
            return head.IndexOf('=') >= 0 ? string.Empty : head.Trim('"');
        }

        private static string? PolicyNamed(string policies, string name)
        {
            if (name.Length == 0) return Member(policies);
            foreach (var member in policies.Split(','))
                if (string.Equals(Name(member), name, StringComparison.Ordinal)) return member.Trim();
            return null;
        }

        /// <summary>The first policy of a structured list; draft -07's dictionary form ("limit=10, remaining=1, reset=7") whole.</summary>
        private static string Member(string text) =>
            text.IndexOf(';') < 0 && text.IndexOf('=') >= 0 ? text.Replace(',', ';') : FirstMember(text);

        private static string FirstMember(string text)
        {
            var comma = text.IndexOf(',');
            return (comma < 0 ? text : text.Substring(0, comma)).Trim();
        }

        /// <summary>"name;a=1;b=2" (structured fields) or "a=1; b=2": the parameters by lower-case name.</summary>
        private static Dictionary<string, string> Parameters(string member)
        {
            var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var part in member.Split(';'))
            {
                var equals = part.IndexOf('=');
                if (equals <= 0) continue;
                var key = part.Substring(0, equals).Trim();
                if (!result.ContainsKey(key)) result[key] = part.Substring(equals + 1).Trim();
            }
            return result;
        }

        private static string? Value(Dictionary<string, string> parameters, string key) =>
            parameters.TryGetValue(key, out var value) ? value : null;
    }
}
