using System.Collections.Generic;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace OperationsModule.ModuleBuilder.Markdown
{
    /// <summary>A "## TITLE" heading, the blocks before its first "###", and its "###" subsections.</summary>
    public sealed class Section
    {
        public Section(string title) => Title = title;

        public string Title { get; }

        public List<Block> Blocks { get; } = new List<Block>();

        public List<Subsection> Subsections { get; } = new List<Subsection>();
    }

    /// <summary>A "### Title" heading and the blocks up to the next heading of level 3 or less.</summary>
    public sealed class Subsection
    {
        public Subsection(string title) => Title = title;

        public string Title { get; }

        public List<Block> Blocks { get; } = new List<Block>();
    }

    /// <summary>
    /// A page's outline. Markdig keeps headings as flat leaf blocks, so the nesting that PlatyPS pages imply
    /// (# name, ## section, ### item) is rebuilt here from heading levels.
    /// </summary>
    public sealed class PageOutline
    {
        public List<string> Titles { get; } = new List<string>();

        public List<Block> BeforeFirstSection { get; } = new List<Block>();

        public List<Section> Sections { get; } = new List<Section>();

        public static PageOutline Of(MarkdownDocument document)
        {
            var outline = new PageOutline();
            Section? section = null;
            Subsection? subsection = null;
            foreach (var block in document)
            {
                if (block is YamlFrontMatterBlock) continue;
                if (block is HeadingBlock heading)
                {
                    var text = MarkdownText.Inline(heading.Inline).Trim();
                    switch (heading.Level)
                    {
                        case 1:
                            outline.Titles.Add(text);
                            continue;
                        case 2:
                            section = new Section(text);
                            subsection = null;
                            outline.Sections.Add(section);
                            continue;
                        case 3 when section != null:
                            subsection = new Subsection(text);
                            section.Subsections.Add(subsection);
                            continue;
                    }
                }
                if (subsection != null) subsection.Blocks.Add(block);
                else if (section != null) section.Blocks.Add(block);
                else outline.BeforeFirstSection.Add(block);
            }
            return outline;
        }
    }
}
