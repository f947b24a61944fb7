using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;

namespace OperationsModule.Core.Systems.Vcf
{
    /// <summary>
    /// The VCF Error object: errorCode, errorType, message, remediationMessage, arguments, causes, context,
    /// nestedErrors (recursive) and referenceToken, all optional. The media type may be */*, so only the body counts.
    /// </summary>
    internal sealed class VcfErrorParser : IErrorBodyParser
    {
        public static readonly VcfErrorParser Instance = new VcfErrorParser();

        private const int MaxNestedDepth = 4;

        private static readonly string[] KnownFields = { "errorCode", "errorType", "message", "remediationMessage", "referenceToken", "causes", "nestedErrors" };

        public VendorError? Parse(ApiResponse response)
        {
            var root = JsonErrorReader.RootObject(response);
            if (root is null || !KnownFields.Any(f => JsonErrorReader.Property(root.Value, f) is { ValueKind: not JsonValueKind.Null }))
                return null;
            var error = root.Value;
            var vendor = new VendorError
            {
                Code = JsonErrorReader.Text(error, "errorCode"),
                Message = JsonErrorReader.Text(error, "message"),
                Remediation = NullIfBlank(JsonErrorReader.Text(error, "remediationMessage")),
                CorrelationId = NullIfBlank(JsonErrorReader.Text(error, "referenceToken")),
            };
            if (JsonErrorReader.Text(error, "errorType") is { Length: > 0 } type) vendor.Details["errorType"] = type;
            if (Strings(error, "arguments") is { Count: > 0 } arguments) vendor.Details["arguments"] = string.Join(", ", arguments);
            if (Causes(error) is { Length: > 0 } causes) vendor.Details["causes"] = causes;
            if (JsonErrorReader.Property(error, "context") is { ValueKind: JsonValueKind.Object } context && context.EnumerateObject().Any())
                vendor.Details["context"] = context.GetRawText();
            var nested = new StringBuilder();
            AppendNested(error, nested, 1);
            if (nested.Length > 0) vendor.Details["nestedErrors"] = nested.ToString().TrimEnd();
            return vendor;
        }

        private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

        private static List<string> Strings(JsonElement element, string name)
        {
            var list = new List<string>();
            if (JsonErrorReader.Property(element, name) is { ValueKind: JsonValueKind.Array } array)
                foreach (var item in array.EnumerateArray())
                    if (item.ValueKind != JsonValueKind.Null) list.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText());
            return list;
        }

        /// <summary>causes: [{type, message}] as "type: message; ...".</summary>
        private static string Causes(JsonElement error)
        {
            if (JsonErrorReader.Property(error, "causes") is not { ValueKind: JsonValueKind.Array } causes) return string.Empty;
            var parts = new List<string>();
            foreach (var cause in causes.EnumerateArray())
            {
                if (cause.ValueKind != JsonValueKind.Object) continue;
                var type = JsonErrorReader.Text(cause, "type");
                var message = JsonErrorReader.Text(cause, "message");
                if (type is null && message is null) continue;
                parts.Add(type is null ? message! : message is null ? type : type + ": " + message);
            }
            return string.Join("; ", parts);
        }

        /// <summary>nestedErrors as indented "errorCode: message" lines; depth is capped so a hostile body cannot recurse forever.</summary>
        private static void AppendNested(JsonElement error, StringBuilder into, int depth)
        {
            if (depth > MaxNestedDepth || JsonErrorReader.Property(error, "nestedErrors") is not { ValueKind: JsonValueKind.Array } nested) return;
            foreach (var item in nested.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object) continue;
                var code = JsonErrorReader.Text(item, "errorCode");
                var message = JsonErrorReader.Text(item, "message");
                into.Append(' ', (depth - 1) * 2).Append(code is null ? message : message is null ? code : code + ": " + message).AppendLine();
                AppendNested(item, into, depth + 1);
            }
        }
    }
}
