using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using OperationsModule.ModuleBuilder.Markdown;

namespace OperationsModule.ModuleBuilder.Help
{
    /// <summary>
    /// An about topic in PlatyPS 0.14 layout ("# Module", "## about_Name", "# SHORT DESCRIPTION", ...) to the
    /// about_Name.help.txt that Get-Help prints: TOPIC and the topic name first, # headings in capitals at the
    /// margin, ## headings as written, deeper ones indented, text wrapped to 80 columns and indented 4, code
    /// indented 8 so it stands apart from prose.
    /// </summary>
    public static class AboutTopicWriter
    {
        private const int Width = 80;
        private const string Indent = "    ";
        private const string CodeIndent = "        ";

        public static string ConvertFile(string path) => Convert(File.ReadAllText(path), Path.GetFileName(path));

        public static string Convert(string markdown, string file)
        {
            var blocks = MarkdownParser.Parse(markdown).Where(b => b is not YamlFrontMatterBlock).ToList();
            if (blocks.Count < 2 || blocks[0] is not HeadingBlock { Level: 1 } || blocks[1] is not HeadingBlock { Level: 2 } topic)
                throw new HelpFormatException(file, "title", "an about topic starts with '# ModuleName' and '## about_TopicName'");
            var topicName = MarkdownText.Inline(topic.Inline).Trim();
            if (!topicName.StartsWith("about_", StringComparison.OrdinalIgnoreCase))
                throw new HelpFormatException(file, $"## {topicName}", "the second heading names the topic: '## about_TopicName'");

            var text = new StringBuilder();
            text.Append("TOPIC\n").Append(Indent).Append(topicName.ToLowerInvariant()).Append("\n\n");
            foreach (var block in blocks.Skip(2)) Append(block, text);
            return text.ToString().TrimEnd() + "\n";
        }

        private static void Append(Block block, StringBuilder text)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    var title = MarkdownText.Inline(heading.Inline).Trim();
                    text.Append(heading.Level switch
                    {
                        1 => title.ToUpperInvariant(),
                        2 => title,
                        _ => Indent + title.ToUpperInvariant(),
                    }).Append('\n');
                    break;
                case CodeBlock code:
                    foreach (var line in MarkdownText.Code(code).Split('\n')) text.Append(CodeIndent).Append(line).Append('\n');
                    text.Append('\n');
                    break;
                case ListBlock list:
                    // Items stay together; a hanging indent keeps wrapped lines under the item's text.
                    foreach (var item in MarkdownText.Paragraphs(new[] { list }))
                    {
                        var marker = item.Substring(0, item.IndexOf(' ') + 1);
                        AppendWrapped(item.Substring(marker.Length), Indent + marker, Indent + new string(' ', marker.Length), text);
                    }
                    text.Append('\n');
                    break;
                default:
                    foreach (var paragraph in MarkdownText.Paragraphs(new[] { block }))
                    {
                        foreach (var line in paragraph.Split('\n')) AppendWrapped(line, Indent, Indent, text);
                        text.Append('\n');
                    }
                    break;
            }
        }

        private static void AppendWrapped(string paragraph, string firstIndent, string nextIndent, StringBuilder text)
        {
            var line = new StringBuilder(firstIndent);
            var lineHasWords = false;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (lineHasWords && line.Length + 1 + word.Length > Width)
                {
                    text.Append(line).Append('\n');
                    line.Clear().Append(nextIndent);
                    lineHasWords = false;
                }
                if (lineHasWords) line.Append(' ');
                line.Append(word);
                lineHasWords = true;
            }
            text.Append(line).Append('\n');
        }
    }
}
