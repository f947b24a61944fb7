using System.Collections.Generic;
using System.Text.Json;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;

namespace OperationsModule.Core.Systems.Onedata
{
    /// <summary>
    /// Onedata's two error shapes become one VendorError. Servers of 20.02 and later send {"error": ErrorJson} with
    /// id, description, details and (25.0+) ctx; the published Swagger (and older servers) document a flat
    /// {"error": "code", "error_description": "text"}. The id is fixed per error type and says more than the status:
    /// a bad or revoked token comes back as 400, not 401, so the id decides (OnedataErrorIds).
    /// </summary>
    internal sealed class OnedataErrorParser : IErrorBodyParser
    {
        public static readonly OnedataErrorParser Instance = new OnedataErrorParser();

        public VendorError? Parse(ApiResponse response)
        {
            var root = JsonErrorReader.RootObject(response);
            if (root is null || JsonErrorReader.Property(root.Value, "error") is not { } error) return null;
            var vendor = error.ValueKind switch
            {
                JsonValueKind.Object => Nested(error),
                JsonValueKind.String => Flat(root.Value),
                _ => null,
            };
            if (vendor is not null) OnedataErrorIds.Classify(vendor);
            return vendor;
        }

        private static VendorError Nested(JsonElement error)
        {
            var vendor = new VendorError
            {
                Code = JsonErrorReader.Text(error, "id"),
                Message = JsonErrorReader.Text(error, "description"),
            };
            Flatten(error, "details", vendor.Details);
            Flatten(error, "ctx", vendor.Details);
            return vendor;
        }

        /// <summary>The spec's shape; any further fields a server adds are kept as details.</summary>
        private static VendorError Flat(JsonElement root)
        {
            var vendor = new VendorError
            {
                Code = JsonErrorReader.Text(root, "error"),
                Message = JsonErrorReader.Text(root, "error_description"),
            };
            foreach (var property in root.EnumerateObject())
            {
                if (property.NameEquals("error") || property.NameEquals("error_description")) continue;
                if (JsonErrorReader.Text(root, property.Name) is { } text) vendor.Details[property.Name] = text;
            }
            return vendor;
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
