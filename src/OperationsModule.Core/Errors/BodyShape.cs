using System.Text.Json;

namespace OperationsModule.Core.Errors
{
    /// <summary>
    /// What a body looks like without what it says ("a JSON object with 3 fields", "text of 41 characters"): the
    /// account an error gives of an answer that may hold a token (a login or token call's).
    /// </summary>
    internal static class BodyShape
    {
        public static string Describe(string? body)
        {
            if (string.IsNullOrEmpty(body)) return "an empty body";
            var text = body!.Trim();
            if (text.Length > 0 && (text[0] == '{' || text[0] == '['))
            {
                try
                {
                    using var document = JsonDocument.Parse(text);
                    var root = document.RootElement;
                    if (root.ValueKind == JsonValueKind.Object)
                    {
                        var fields = 0;
                        foreach (var _ in root.EnumerateObject()) fields++;
                        return $"a JSON object with {fields} field{(fields == 1 ? "" : "s")}";
                    }
                    var items = root.GetArrayLength();
                    return $"a JSON array of {items} item{(items == 1 ? "" : "s")}";
                }
                catch (JsonException)
                {
                }
            }
            return "text of " + Output.Counted.Of(body.Length, "character");
        }
    }
}
