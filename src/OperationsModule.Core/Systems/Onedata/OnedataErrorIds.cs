using System;
using System.Collections.Generic;
using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Systems.Onedata
{
    /// <summary>
    /// What an Onedata error id means, whichever way it is spelled: op-worker sends camelCase ids (badToken), the
    /// published spec's flat shape shows OAuth-style snake_case codes (invalid_token). Ids are compared with case
    /// and underscores ignored, so badToken, bad_token and BADTOKEN are one id.
    /// </summary>
    internal static class OnedataErrorIds
    {
        // Token and credential errors: ctool errors.erl (most map to 400 there) and the spec's own 400 example,
        // invalid_token. Anything starting with "token" (tokenInvalid, token_revoked, ...) is a token problem too.
        private static readonly HashSet<string> AuthenticationIds = Keys(
            "unauthorized", "badToken", "badAudienceToken", "badIdpAccessToken", "badBasicCredentials",
            "notAnAccessToken", "notAnIdentityToken", "badTokenType", "invalid_token", "expired_token");

        // The automation state errors: the execution is past the point where a cancel means anything. errors.erl maps
        // them to 400, but the request was well formed; the execution's state refused it, which is what 409/ResourceBusy
        // means everywhere else in this module (VCF answers 409 for the same situation), so scripts can treat all alike.
        private static readonly HashSet<string> StateIds = Keys(
            "atmWorkflowExecutionEnded", "atmWorkflowExecutionStopping", "atmWorkflowExecutionStopped");

        public static bool IsNotFound(string? id) => id is not null && Key(id) == "notfound";

        /// <summary>Sets the module's error id, category and advice when the vendor's id says more than the status.</summary>
        public static void Classify(VendorError vendor)
        {
            if (string.IsNullOrEmpty(vendor.Code)) return;
            var id = vendor.Code!;
            var key = Key(id);
            if (AuthenticationIds.Contains(key) || key.StartsWith("token", StringComparison.Ordinal))
            {
                vendor.ErrorIdOverride = ErrorIds.Unauthorized;
                vendor.CategoryOverride = ErrorCategoryName.AuthenticationError;
                vendor.Remediation = $"Oneprovider rejected the access token ({id}). Create a new access token in Onezone and pass it with -Token or Connect-OperationsServer.";
            }
            else if (StateIds.Contains(key))
            {
                vendor.ErrorIdOverride = ErrorIds.Conflict;
                vendor.CategoryOverride = ErrorCategoryName.ResourceBusy;
                vendor.Remediation = $"The workflow execution is already ended or stopping ({id}); there is nothing left to cancel.";
            }
        }

        private static string Key(string id) => id.Replace("_", string.Empty).ToLowerInvariant();

        private static HashSet<string> Keys(params string[] ids)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in ids) set.Add(Key(id));
            return set;
        }
    }
}
