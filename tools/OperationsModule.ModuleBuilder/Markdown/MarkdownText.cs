using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace OperationsModule.ModuleBuilder.Markdown
{
    /// <summary>
    /// Markdown to the plain text that Get-Help prints. Inline code keeps its backticks (as PlatyPS does, so a
    /// reader still sees what is typed); emphasis loses its markers; a link keeps its text, plus the address when
    /// it is absolute (a relative .md link means nothing in a console).
    /// </summary>
    public static class MarkdownText
    {
        public static string Inline(ContainerInline? container)
        {
            var text = new StringBuilder();
            if (container != null) AppendInlines(container, text);
            return text.ToString();
        }

        /// <summary>One paragraph per block: paragraphs, list items, code blocks and tables (one line per row).</summary>
        public static IEnumerable<string> Paragraphs(IEnumerable<Block> blocks)
        {
            foreach (var block in blocks)
            {
                foreach (var paragraph in ParagraphsOf(block)) yield return paragraph;
            }
        }

        public static string Code(LeafBlock code) => code.Lines.ToString().TrimEnd();

        private static IEnumerable<string> ParagraphsOf(Block block)
        {
            switch (block)
            {
                case ParagraphBlock paragraph:
                    yield return Inline(paragraph.Inline).Trim();
                    break;
                // As written: Get-Help indents every line of a paragraph itself (and trims the first).
                case CodeBlock code:
                    yield return Code(code);
                    break;
                case ListBlock list:
                    var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var marker = list.IsOrdered ? $"{number++}{list.OrderedDelimiter} " : "- ";
                        yield return marker + string.Join(" ", Paragraphs(item.ToList()));
                    }
                    break;
                case Table table:
                    yield return string.Join("\n", table.OfType<TableRow>().Select(row =>
                        string.Join(" | ", row.OfType<TableCell>().Select(cell => string.Join(" ", Paragraphs(cell.ToList()))))));
                    break;
                case ContainerBlock container:
                    foreach (var paragraph in Paragraphs(container.ToList())) yield return paragraph;
                    break;
            }
        }

        private static void AppendInlines(ContainerInline container, StringBuilder text)
        {
            foreach (var inline in container)
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        text.Append(literal.Content.ToString());
                        break;
                    case CodeInline code:
                        text.Append('`').Append(code.Content).Append('`');
                        break;
                    case LineBreakInline lineBreak:
                        text.Append(lineBreak.IsHard ? "\n" : " ");
                        break;
                    case AutolinkInline autolink:
                        text.Append(autolink.Url);
                        break;
                    case LinkInline link:
                        AppendInlines(link, text);
                        if (Uri.TryCreate(link.Url, UriKind.Absolute, out _)) text.Append(" (").Append(link.Url).Append(')');
                        break;
                    case HtmlEntityInline entity:
                        text.Append(entity.Transcoded.ToString());
                        break;
                    case HtmlInline html:
                        text.Append(html.Tag);
                        break;
                    case ContainerInline nested:
                        AppendInlines(nested, text);
                        break;
                }
            }
        }
    }
}
