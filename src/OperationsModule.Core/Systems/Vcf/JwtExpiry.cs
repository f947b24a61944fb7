using System;
using System.Text;
using System.Text.Json;

namespace OperationsModule.Core.Systems.Vcf
{
    /// <summary>
    /// Reads the exp claim of a JWT without validating it (the server does that), so a token can be refreshed
    /// before it runs out instead of after a 401. Anything unreadable means "unknown expiry".
    /// </summary>
    internal static class JwtExpiry
    {
        public static DateTimeOffset? Read(string token)
        {
            var parts = token.Split('.');
            if (parts.Length != 3) return null;
            try
            {
                var payload = parts[1].Replace('-', '+').Replace('_', '/');
                payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
                using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds))
                    return DateTimeOffset.FromUnixTimeSeconds(seconds);
            }
            catch (Exception ex) when (ex is FormatException || ex is JsonException || ex is ArgumentOutOfRangeException)
            {
            }
            return null;
        }
    }
}
