using System;
using System.Globalization;
using System.Text.Json;

namespace OperationsModule.Core.Listing
{
    /// <summary>Lenient field reads for list and item answers: a missing or mistyped field is null, never an exception.</summary>
    internal static class JsonFields
    {
        public static string? Text(JsonElement o, string name) =>
            o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        public static bool? Flag(JsonElement o, string name) =>
            o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && (v.ValueKind == JsonValueKind.True || v.ValueKind == JsonValueKind.False) ? v.GetBoolean() : (bool?)null;

        public static long? Number(JsonElement o, string name) =>
            o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : (long?)null;

        /// <summary>An ISO 8601 text, or a number of milliseconds since the epoch; null otherwise.</summary>
        public static DateTimeOffset? Time(JsonElement o, string name)
        {
            if (o.ValueKind != JsonValueKind.Object || !o.TryGetProperty(name, out var v)) return null;
            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var ms) && ms > 0) return DateTimeOffset.FromUnixTimeMilliseconds(ms);
            if (v.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) return parsed;
            return null;
        }

        /// <summary>Seconds since the epoch (Onedata's times); 0 or absent is null (not happened yet).</summary>
        public static DateTimeOffset? Seconds(JsonElement o, string name) =>
            Number(o, name) is { } s && s > 0 ? DateTimeOffset.FromUnixTimeSeconds(s) : (DateTimeOffset?)null;
    }
}
