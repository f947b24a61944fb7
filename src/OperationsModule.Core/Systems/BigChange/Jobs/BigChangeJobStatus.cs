using System;
using System.Collections.Generic;
using System.Linq;
using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Systems.BigChange.Jobs
{
    /// <summary>
    /// BigChange job statuses (camelCase, api-reference.md §5) and what the module derives from them. The server's
    /// spelling is matched case-insensitively and shown in the vendor's one spelling.
    /// </summary>
    internal static class BigChangeJobStatus
    {
        public const string Cancelled = "cancelled";

        /// <summary>Documented values, then the internal ones a list may still show.</summary>
        public static readonly IReadOnlyList<string> All = new[]
        {
            "new", "scheduled", "unscheduled", "sent", "read", "accepted", "refused", "onTheWay", "started", "suspended",
            "completedOk", "completedWithIssues", Cancelled, "lateStart", "lateFinish", "rescheduled",
        };

        // The vendor's rule: a started, suspended or completed job cannot be cancelled; a cancelled one is done.
        private static readonly HashSet<string> NotCancellable = new HashSet<string>(StringComparer.Ordinal)
        {
            "started", "suspended", "completedOk", "completedWithIssues", Cancelled,
        };

        // Where a job ends: nothing changes it afterwards, so a wait stops here.
        private static readonly HashSet<string> Final = new HashSet<string>(StringComparer.Ordinal)
        {
            "completedOk", "completedWithIssues", Cancelled,
        };

        /// <summary>The vendor's spelling of a known status; an unknown one is kept as the server sent it (trimmed).</summary>
        public static string? Normalize(string? raw)
        {
            if (raw is null) return null;
            var text = raw.Trim();
            return All.FirstOrDefault(s => s.Equals(text, StringComparison.OrdinalIgnoreCase)) ?? text;
        }

        public static bool? IsCancellable(string? status) =>
            status is not null && All.Contains(status) ? !NotCancellable.Contains(status) : (bool?)null;

        public static bool IsFinal(string? status) => status is not null && Final.Contains(status);

        /// <summary>-Status values in the vendor's spelling, duplicates dropped; an unknown one is refused naming the allowed values.</summary>
        public static IReadOnlyList<string> ValidateFilter(string parameterName, IEnumerable<string?>? values)
        {
            var result = new List<string>();
            foreach (var value in values ?? Enumerable.Empty<string?>())
            {
                var known = value is null ? null : All.FirstOrDefault(s => s.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase));
                if (known is null)
                    throw new InputValidationException(parameterName, $"'{value}' is not a BigChange job status. Allowed values: {string.Join(", ", All)}.");
                if (!result.Contains(known)) result.Add(known);
            }
            return result;
        }
    }
}
