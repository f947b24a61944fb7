using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Systems.BigChange
{
    /// <summary>
    /// A ValidationProblemDetails (BigChange's 422) read for a PowerShell user: ASP.NET Core's generic detail ("See the
    /// errors property for details.") points at a JSON member the user never sees, so the message is drawn from the
    /// field errors instead; and a refusal about the job itself (already started, completed or cancelled) is said as
    /// the job's state, not as fields to correct.
    /// </summary>
    internal static class ValidationProblem
    {
        // Field errors about the job itself, not a value the caller sent: the path parameter (the ID parsed, or the
        // module would have refused it) or a status member, when the message speaks of the job's status or state.
        private static readonly string[] JobFields = { "jobId", "job", "status", "jobStatus", "state" };
        private static readonly Regex StateWords = new Regex(
            @"\b(status|state|started|suspended|completed\w*|cancell?ed|progress|already)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        // ASP.NET Core's stock details: "See the errors property for details." / "Please refer to the errors property
        // for additional details."
        private static readonly Regex PointerToErrors = new Regex(@"\berrors\s+property\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public const string StateAdvice =
            "The job's state does not allow a cancel, so there is nothing to correct in the request: BigChange cancels only jobs that have not been "
            + "started, suspended or completed, and a cancelled job needs no second cancel. Check the job's status in BigChange.";

        public const string FieldAdvice =
            "Correct the value the server named and try again; each field's messages are in $_.Exception.VendorError.FieldErrors.";

        /// <summary>Sets the message and the advice of a problem that carries field errors; leaves any other problem alone.</summary>
        public static void Describe(VendorError vendor)
        {
            var fields = vendor.FieldErrors.Where(f => f.Value.Count > 0).ToList();
            if (fields.Count == 0)
            {
                // A pointer to an errors map that is not there says nothing: the title is better than that.
                if (vendor.Message is { } said && PointerToErrors.IsMatch(said))
                    vendor.Message = vendor.Details.TryGetValue("title", out var title) && !string.IsNullOrWhiteSpace(title) ? title : null;
                return;
            }
            var state = fields.Count == fields.Count(IsAboutTheJobsState);
            vendor.Remediation = state ? StateAdvice : FieldAdvice;
            if (vendor.Message is { } detail && !PointerToErrors.IsMatch(detail) && !IsStockTitle(vendor, detail))
                return; // the vendor's own specific words lead; Failure lists the fields after them
            vendor.Message = state
                ? string.Join(" ", fields.SelectMany(f => f.Value))
                : string.Join("; ", fields.Select(f => f.Key + ": " + string.Join(" ", f.Value)));
        }

        private static bool IsAboutTheJobsState(KeyValuePair<string, IReadOnlyList<string>> field) =>
            JobFields.Contains(field.Key, StringComparer.OrdinalIgnoreCase) && field.Value.Any(m => StateWords.IsMatch(m));

        // The title ASP.NET Core gives every ValidationProblemDetails; it is the message when detail is missing.
        private static bool IsStockTitle(VendorError vendor, string message) =>
            vendor.Details.TryGetValue("title", out var title) && title == message
            && title.IndexOf("validation error", StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
