using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using OperationsModule.ModuleBuilder.Markdown;

namespace OperationsModule.ModuleBuilder.Help
{
    /// <summary>
    /// A PlatyPS 0.14 cmdlet page (front matter, "# Name", then ## SYNOPSIS, SYNTAX, DESCRIPTION, EXAMPLES,
    /// PARAMETERS, INPUTS, OUTPUTS, NOTES, RELATED LINKS) read into a <see cref="CommandHelp"/>.
    /// </summary>
    public static class CommandPageReader
    {
        private static readonly string[] RequiredSections = { "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS" };

        private static readonly string[] OptionalSections = { "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS" };

        private const string DefaultSetMarker = " (Default)";

        public static CommandHelp ReadFile(string path) => Read(File.ReadAllText(path), Path.GetFileName(path));

        public static CommandHelp Read(string markdown, string file)
        {
            var document = MarkdownParser.Parse(markdown);
            var frontMatter = FrontMatter.From(document, file) ?? throw new HelpFormatException(file, "front matter", "the page does not start with a --- YAML block");
            var outline = PageOutline.Of(document);
            if (outline.Titles.Count != 1) throw new HelpFormatException(file, "# title", $"expected one '# Command-Name' heading, found {outline.Titles.Count}");

            var help = new CommandHelp(outline.Titles[0])
            {
                ExternalHelpFile = frontMatter["external help file"] ?? throw new HelpFormatException(file, "front matter", "no 'external help file:' (the MAML file name)"),
            };
            var sections = Index(outline, file);

            help.Synopsis = string.Join(" ", MarkdownText.Paragraphs(sections["SYNOPSIS"].Blocks));
            if (help.Synopsis.Length == 0) throw new HelpFormatException(file, "## SYNOPSIS", "empty");
            help.Description.AddRange(MarkdownText.Paragraphs(sections["DESCRIPTION"].Blocks));
            if (help.Description.Count == 0) throw new HelpFormatException(file, "## DESCRIPTION", "empty");
            help.ParameterSets.AddRange(ParameterSets(sections["SYNTAX"], file));
            help.Examples.AddRange(ExampleReader.Read(sections["EXAMPLES"], file));
            help.Parameters.AddRange(ParameterReader.Read(sections["PARAMETERS"], file));
            CheckParameterSets(help, file);
            if (sections.TryGetValue("INPUTS", out var inputs)) help.Inputs.AddRange(Types(inputs, file));
            if (sections.TryGetValue("OUTPUTS", out var outputs)) help.Outputs.AddRange(Types(outputs, file));
            if (sections.TryGetValue("NOTES", out var notes)) help.Notes.AddRange(Notes(notes));
            if (sections.TryGetValue("RELATED LINKS", out var links)) help.RelatedLinks.AddRange(Links(links, file));
            return help;
        }

        private static Dictionary<string, Section> Index(PageOutline outline, string file)
        {
            var sections = new Dictionary<string, Section>(StringComparer.Ordinal);
            foreach (var section in outline.Sections)
            {
                if (!RequiredSections.Contains(section.Title) && !OptionalSections.Contains(section.Title))
                    throw new HelpFormatException(file, $"## {section.Title}", $"not a PlatyPS section (expected {string.Join(", ", RequiredSections.Concat(OptionalSections))})");
                if (sections.ContainsKey(section.Title)) throw new HelpFormatException(file, $"## {section.Title}", "appears twice");
                sections.Add(section.Title, section);
            }
            foreach (var required in RequiredSections)
            {
                if (!sections.ContainsKey(required)) throw new HelpFormatException(file, $"## {required}", "missing");
            }
            return sections;
        }

        /// <summary>"### SetName" (the default set marked " (Default)") per set, or one untitled block for a single set.</summary>
        private static IEnumerable<string> ParameterSets(Section syntax, string file)
        {
            if (syntax.Subsections.Count == 0)
            {
                if (!syntax.Blocks.OfType<CodeBlock>().Any()) throw new HelpFormatException(file, "## SYNTAX", "no ``` block with the syntax");
                yield return "__AllParameterSets";
                yield break;
            }
            foreach (var set in syntax.Subsections)
            {
                if (!set.Blocks.OfType<CodeBlock>().Any()) throw new HelpFormatException(file, $"## SYNTAX, ### {set.Title}", "no ``` block with the syntax");
                yield return set.Title.EndsWith(DefaultSetMarker, StringComparison.Ordinal) ? set.Title.Substring(0, set.Title.Length - DefaultSetMarker.Length) : set.Title;
            }
        }

        /// <summary>A set named under PARAMETERS but missing from SYNTAX would silently drop the parameter from Get-Help's syntax.</summary>
        private static void CheckParameterSets(CommandHelp help, string file)
        {
            foreach (var parameter in help.Parameters)
            {
                var unknown = parameter.Usages.SelectMany(u => u.Sets).FirstOrDefault(set => !help.ParameterSets.Contains(set));
                if (unknown != null)
                    throw new HelpFormatException(file, $"## PARAMETERS, ### -{parameter.Name}", $"parameter set '{unknown}' is not under ## SYNTAX ({string.Join(", ", help.ParameterSets)})");
            }
        }

        private static IEnumerable<TypeHelp> Types(Section section, string file)
        {
            if (section.Blocks.Count > 0) throw new HelpFormatException(file, $"## {section.Title}", "text before the first '### TypeName' heading");
            foreach (var subsection in section.Subsections)
            {
                var type = new TypeHelp(subsection.Title);
                type.Description.AddRange(MarkdownText.Paragraphs(subsection.Blocks));
                yield return type;
            }
        }

        private static IEnumerable<LinkHelp> Links(Section section, string file)
        {
            foreach (var paragraph in AllBlocks(section).OfType<ParagraphBlock>())
            {
                var links = paragraph.Inline?.Descendants<LinkInline>().ToList() ?? new List<LinkInline>();
                if (links.Count == 0) throw new HelpFormatException(file, "## RELATED LINKS", $"'{MarkdownText.Inline(paragraph.Inline)}' is not a [text](uri) link");
                foreach (var link in links) yield return new LinkHelp(MarkdownText.Inline(link), link.Url ?? string.Empty);
            }
        }

        /// <summary>NOTES may have "###" subsections; their titles stay as paragraphs of their own.</summary>
        private static IEnumerable<string> Notes(Section section) =>
            MarkdownText.Paragraphs(section.Blocks)
                .Concat(section.Subsections.SelectMany(s => new[] { s.Title }.Concat(MarkdownText.Paragraphs(s.Blocks))));

        private static IEnumerable<Block> AllBlocks(Section section) =>
            section.Blocks.Concat(section.Subsections.SelectMany(s => s.Blocks));
    }
}
