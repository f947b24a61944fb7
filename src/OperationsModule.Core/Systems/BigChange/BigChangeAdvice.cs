using System.Text.RegularExpressions;
using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Systems.BigChange
{
    /// <summary>What to tell the user when BigChange refuses the app's credentials or its token's scopes.</summary>
    internal static class BigChangeAdvice
    {
        /// <summary>The scope Stop-Job's cancel needs (the vendor's "Cancel a job" page).</summary>
        public const string CancelScope = "jobs:write";

        private static readonly Regex ScopeName = new Regex(@"\b[a-z][a-zA-Z-]*:(?:read|write)\b");
        private static readonly Regex ScopeWord = new Regex(@"\bscopes?\b", RegexOptions.IgnoreCase);

        /// <summary>Why -CustomerId cannot be left out (the vendor marks the header required on every operation).</summary>
        public const string CustomerIdRequired =
            "BigChange requires the customer (tenant) ID on every call, in the Customer-Id header; it is the numeric Customer ID shown in BigChange's Developer Portal (API Key Management).";

        public const string TokenRejected =
            "Check -Credential: the user name must be the app's client ID (client_id) and the password its client secret (client_secret), "
            + "both from BigChange's Developer Portal (API Key Management; the secret is shown once, so create a new one if in doubt). "
            + "The app also needs the " + CancelScope + " scope for Stop-Job.";

        /// <summary>The problem's title and detail together ("Bad Request: The client secret is not valid."), either alone when only one is there.</summary>
        public static string? TitleAndDetail(VendorError vendor)
        {
            vendor.Details.TryGetValue("title", out var title);
            vendor.Details.TryGetValue("detail", out var detail);
            if (string.IsNullOrWhiteSpace(title)) return string.IsNullOrWhiteSpace(detail) ? vendor.Message : detail;
            if (string.IsNullOrWhiteSpace(detail) || detail == title) return title;
            return title + ": " + detail;
        }

        /// <summary>For a 403 whose problem speaks of a scope: names it, and the one the cancel needs. Null otherwise.</summary>
        public static string? MissingScope(VendorError vendor)
        {
            var text = vendor.Details.TryGetValue("title", out var title) ? title + " " : string.Empty;
            if (vendor.Details.TryGetValue("detail", out var detail)) text += detail;
            var named = ScopeName.Match(text);
            if (!named.Success && !ScopeWord.IsMatch(text)) return null;
            var lacking = named.Success ? $"the {named.Value} scope" : "a scope this call needs";
            return $"The access token lacks {lacking}: grant the app that scope in BigChange's Developer Portal (Stop-Job needs {CancelScope}), "
                + "then connect again so that a new token carries it.";
        }
    }
}
