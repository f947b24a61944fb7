using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;

namespace OperationsModule.Core.Systems.BigChange
{
    /// <summary>
    /// RFC 7807 problem details (type, title, status, detail, instance; every field nullable) and ASP.NET Core's
    /// ValidationProblemDetails, whose errors map (field -> messages) lands in VendorError.FieldErrors so the
    /// user sees which field was wrong (ValidationProblem words the message from them, and says a refusal about the
    /// job's state as one). Served as application/problem+json or application/json: only the body counts.
    /// A 403 that names a missing scope gets advice naming it.
    /// </summary>
    internal sealed class ProblemDetailsParser : IErrorBodyParser
    {
        public static readonly ProblemDetailsParser Instance = new ProblemDetailsParser();

        private static readonly string[] ProblemFields = { "type", "title", "status", "detail", "instance", "errors" };

        public VendorError? Parse(ApiResponse response)
        {
            var root = JsonErrorReader.RootObject(response);
            if (root is null || !ProblemFields.Any(f => JsonErrorReader.Property(root.Value, f) is { ValueKind: not JsonValueKind.Null }))
                return null;
            var problem = root.Value;
            var type = JsonErrorReader.Text(problem, "type");
            var title = JsonErrorReader.Text(problem, "title");
            var detail = JsonErrorReader.Text(problem, "detail");
            var vendor = new VendorError
            {
                // "about:blank" is RFC 7807's "no type beyond the status": not worth calling a code.
                Code = string.IsNullOrWhiteSpace(type) || type == "about:blank" ? null : type,
                Message = !string.IsNullOrWhiteSpace(detail) ? detail : string.IsNullOrWhiteSpace(title) ? null : title,
                // ASP.NET Core adds traceId to every problem: what BigChange support can look up.
                CorrelationId = JsonErrorReader.Text(problem, "traceId"),
            };
            foreach (var field in new[] { "type", "title", "status", "detail", "instance" })
                if (JsonErrorReader.Text(problem, field) is { Length: > 0 } text) vendor.Details[field] = text;
            ReadFieldErrors(problem, vendor.FieldErrors);
            ValidationProblem.Describe(vendor);
            if (response.StatusCode == 403) vendor.Remediation = BigChangeAdvice.MissingScope(vendor);
            return vendor;
        }

        private static void ReadFieldErrors(JsonElement problem, IDictionary<string, IReadOnlyList<string>> into)
        {
            if (JsonErrorReader.Property(problem, "errors") is not { ValueKind: JsonValueKind.Object } errors) return;
            foreach (var field in errors.EnumerateObject())
            {
                var messages = new List<string>();
                switch (field.Value.ValueKind)
                {
                    case JsonValueKind.Array:
                        foreach (var item in field.Value.EnumerateArray())
                            if (item.ValueKind != JsonValueKind.Null) messages.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText());
                        break;
                    case JsonValueKind.String:
                        messages.Add(field.Value.GetString()!);
                        break;
                    case JsonValueKind.Null:
                        break;
                    default:
                        messages.Add(field.Value.GetRawText());
                        break;
                }
                into[field.Name.Length == 0 ? "(body)" : field.Name] = messages;
            }
        }
    }
}
