using System;
using System.Collections.Generic;
using System.Linq;
using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Listing
{
    /// <summary>
    /// One spelling per system for item states, so filters and comparisons never depend on how a server (or a user)
    /// wrote them: VCF answers both IN_PROGRESS and "In Progress"; the module always shows IN_PROGRESS.
    /// </summary>
    internal sealed class StatusSpelling
    {
        /// <summary>VCF: upper case, spaces and hyphens as underscores ("In Progress" -> IN_PROGRESS).</summary>
        public static readonly StatusSpelling UpperSnake = new StatusSpelling(s => s.ToUpperInvariant().Replace(' ', '_').Replace('-', '_'));

        /// <summary>Onedata, BigChange: lower case as their APIs write them ("Cancelled" -> cancelled).</summary>
        public static readonly StatusSpelling Lower = new StatusSpelling(s => s.ToLowerInvariant());

        private readonly Func<string, string> _normalize;

        private StatusSpelling(Func<string, string> normalize)
        {
            _normalize = normalize;
        }

        /// <summary>The one spelling; null or blank stays null (a server that sent no state).</summary>
        public string? Normalize(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : _normalize(raw!.Trim());

        public bool Same(string? a, string? b) => Normalize(a) is { } x && x == Normalize(b);

        /// <summary>
        /// The values of a filter parameter in the one spelling, each checked against <paramref name="allowed"/> (in any
        /// spelling), duplicates dropped; null when none was given. An unknown value is refused before any request,
        /// naming the parameter and every allowed value.
        /// </summary>
        public IReadOnlyList<string>? ParseFilter(string parameterName, IEnumerable<string?>? values, IEnumerable<string> allowed)
        {
            if (values is null) return null;
            var known = allowed.Select(a => Normalize(a)!).ToList();
            var result = new List<string>();
            foreach (var value in values)
            {
                var normalized = Normalize(value);
                if (normalized is null)
                    throw new InputValidationException(parameterName, $"an empty value is not a state. Allowed values: {string.Join(", ", known)}.");
                if (!known.Contains(normalized))
                    throw new InputValidationException(parameterName, $"'{value}' is not one of the allowed values: {string.Join(", ", known)}.");
                if (!result.Contains(normalized)) result.Add(normalized);
            }
            return result.Count == 0 ? null : result;
        }
    }
}
