using System.Text.Json;
using OperationsModule.Core.Http;

namespace OperationsModule.Core.Errors
{
    /// <summary>Helpers for error parsers: parse defensively, read fields of any JSON kind as text.</summary>
    internal static class JsonErrorReader
    {
        /// <summary>The body's root object, or null when the body is empty, not JSON, or not an object.</summary>
        public static JsonElement? RootObject(ApiResponse response)
        {
            var body = response.Body;
            if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{') return null;
            try
            {
                using var document = JsonDocument.Parse(body);
                return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : (JsonElement?)null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        public static JsonElement? Property(JsonElement element, string name)
        {
            if (element.ValueKind != JsonValueKind.Object) return null;
            foreach (var property in element.EnumerateObject())
                if (string.Equals(property.Name, name, System.StringComparison.OrdinalIgnoreCase)) return property.Value;
            return null;
        }

        /// <summary>A field as text: strings as they are, other values as their JSON; null when absent or JSON null.</summary>
        public static string? Text(JsonElement element, string name)
        {
            var value = Property(element, name);
            if (value is null) return null;
            return value.Value.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.String => value.Value.GetString(),
                _ => value.Value.GetRawText(),
            };
        }
    }
}
