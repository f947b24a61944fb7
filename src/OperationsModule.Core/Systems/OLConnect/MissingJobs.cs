using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Systems.OLConnect
{
    /// <summary>
    /// A Submit answered 404 because of Job entities the server does not know: the JSON Error's "parameter" names
    /// the resource involved. Read against the submitted IDs, so that the preset's own 404 (its parameter is the
    /// preset) is never taken for a job, and only IDs that were actually sent are named.
    /// </summary>
    internal static class MissingJobs
    {
        private static readonly Regex Number = new Regex(@"\d+", RegexOptions.CultureInvariant);

        /// <summary>The submitted job IDs the vendor error names as not found, or null when it names none.</summary>
        public static long[]? Find(VendorError? vendor, string configId, IReadOnlyCollection<long> submitted)
        {
            if (vendor is null || !vendor.Details.TryGetValue("parameter", out var parameter)) return null;
            // "parameter" is the preset when the preset is missing; a numeric preset ID can equal a job ID, so the
            // vendor's words decide then ("Output Creation Preset not found." vs "Job entity not found.").
            if (parameter.Trim() == configId && (vendor.Message ?? string.Empty).IndexOf("job", StringComparison.OrdinalIgnoreCase) < 0) return null;
            var named = Number.Matches(parameter).Cast<Match>()
                .Select(m => long.TryParse(m.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
                .Where(submitted.Contains)
                .Distinct()
                .ToArray();
            return named.Length == 0 ? null : named;
        }

        /// <summary>"job 555" or "jobs 555, 556".</summary>
        public static string Describe(IReadOnlyList<long> jobIds) =>
            (jobIds.Count == 1 ? "job " : "jobs ") + string.Join(", ", jobIds.Select(id => id.ToString(CultureInfo.InvariantCulture)));

        public static string Advice(IReadOnlyList<long> jobIds, int submittedCount) =>
            $"Check the job IDs: OL Connect has no Job entity for {Describe(jobIds)}. The request was refused as a whole, so no output was started"
            + (submittedCount > jobIds.Count ? "; the server may name only the first job it cannot find, so check the others too before submitting again without the missing ones." : ".");
    }
}
