using System;
using System.Collections.Generic;
using System.Text.Json;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;

namespace OperationsModule.Core.Systems.Onedata
{
    /// <summary>
    /// Onedata's {"error": ErrorJson} with id, description, details and (25.0+) ctx. The id is fixed per error
    /// type and says more than the status: a bad or revoked token comes back as 400, not 401, so the id decides.
    /// </summary>
    public sealed class OnedataErrorParser : IErrorBodyParser
    {
        public static readonly OnedataErrorParser Instance = new OnedataErrorParser();

        // Token and credential errors from ctool errors.erl; most map to 400 there. Anything starting with
        // "token" (tokenInvalid, tokenRevoked, tokenCaveatUnverified, ...) is a token problem too.
        private static readonly HashSet<string> AuthenticationIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "unauthorized", "badToken", "badAudienceToken", "badIdpAccessToken", "badBasicCredentials",
            "notAnAccessToken", "notAnIdentityToken", "badTokenType",
        };

        // The automation state errors: the execution is past the point where a cancel means anything. errors.erl maps
        // them to 400, but the request was well formed; the execution's state refused it, which is what 409/ResourceBusy
        // means everywhere else in this module (VCF answers 409 for the same situation), so scripts can treat all alike.
        private static readonly HashSet<string> StateIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "atmWorkflowExecutionEnded", "atmWorkflowExecutionStopping", "atmWorkflowExecutionStopped",
        };

        public VendorError? Parse(ApiResponse response)
        {
            var root = JsonErrorReader.RootObject(response);
            if (root is null || JsonErrorReader.Property(root.Value, "error") is not { } error || error.ValueKind != JsonValueKind.Object)
                return null;
            var vendor = new VendorError
            {
                Code = JsonErrorReader.Text(error, "id"),
                Message = JsonErrorReader.Text(error, "description"),
            };
            Flatten(error, "details", vendor.Details);
            Flatten(error, "ctx", vendor.Details);
            Classify(vendor);
            return vendor;
        }

        private static void Classify(VendorError vendor)
        {
            var id = vendor.Code;
            if (string.IsNullOrEmpty(id)) return;
            if (AuthenticationIds.Contains(id!) || id!.StartsWith("token", StringComparison.OrdinalIgnoreCase))
            {
                vendor.ErrorIdOverride = ErrorIds.Unauthorized;
                vendor.CategoryOverride = ErrorCategoryName.AuthenticationError;
                vendor.Remediation = $"Oneprovider rejected the access token ({id}). Create a new access token in Onezone and pass it with -Token or Connect-OperationsServer.";
            }
            else if (StateIds.Contains(id))
            {
                vendor.ErrorIdOverride = ErrorIds.Conflict;
                vendor.CategoryOverride = ErrorCategoryName.ResourceBusy;
                vendor.Remediation = $"The workflow execution is already ended or stopping ({id}); there is nothing left to cancel.";
            }
        }

        /// <summary>details and ctx become "details.x" / "ctx.service" entries; a non-object value is kept whole.</summary>
        private static void Flatten(JsonElement error, string name, IDictionary<string, string> into)
        {
            if (JsonErrorReader.Property(error, name) is not { } value) return;
            if (value.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in value.EnumerateObject())
                    if (JsonErrorReader.Text(value, property.Name) is { } text) into[name + "." + property.Name] = text;
            }
            else if (value.ValueKind != JsonValueKind.Null)
            {
                into[name] = value.GetRawText();
            }
        }
    }
}
