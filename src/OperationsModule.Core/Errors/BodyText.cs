using System;
using System.Text.RegularExpressions;

namespace OperationsModule.Core.Errors
{
    /// <summary>Turns an error body nobody could parse (HTML, text, empty) into one readable line.</summary>
    internal static class BodyText
    {
        private static readonly Regex Title = new Regex("<title[^>]*>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline);
        private static readonly Regex Tags = new Regex("<[^>]+>", RegexOptions.Singleline);
        private static readonly Regex Space = new Regex("\\s+");

        public static string? Summarize(string? body, string? contentType, int maxLength = 300)
        {
            if (string.IsNullOrWhiteSpace(body)) return null;
            var text = body!;
            var isHtml = (contentType?.IndexOf("html", StringComparison.OrdinalIgnoreCase) ?? -1) >= 0 || text.TrimStart().StartsWith("<", StringComparison.Ordinal);
            if (isHtml)
            {
                var title = Title.Match(text);
                text = title.Success ? title.Groups[1].Value : Tags.Replace(text, " ");
            }
            text = Space.Replace(text, " ").Trim();
            if (text.Length == 0) return null;
            return text.Length <= maxLength ? text : text.Substring(0, maxLength) + "…";
        }
    }
}
