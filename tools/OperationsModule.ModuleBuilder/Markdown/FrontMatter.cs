using System.Collections.Generic;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace OperationsModule.ModuleBuilder.Markdown
{
    /// <summary>The YAML block between the leading --- lines of a PlatyPS page (external help file, Module Name, schema...).</summary>
    public sealed class FrontMatter
    {
        private readonly IReadOnlyDictionary<string, string> _fields;

        private FrontMatter(IReadOnlyDictionary<string, string> fields) => _fields = fields;

        public string? this[string key] => _fields.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

        /// <summary>The front matter of a parsed page, or null when the page has none.</summary>
        public static FrontMatter? From(MarkdownDocument document, string file)
        {
            if (document.Count == 0 || document[0] is not YamlFrontMatterBlock block) return null;
            var fields = YamlFields.Parse(block.Lines.ToString(), out var badLine);
            if (badLine != null) throw new HelpFormatException(file, "front matter", $"'{badLine}' is not a 'key: value' line");
            return new FrontMatter(fields);
        }
    }
}
