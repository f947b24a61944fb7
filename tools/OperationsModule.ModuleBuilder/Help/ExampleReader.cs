using System;
using System.Collections.Generic;
using System.Linq;
using Markdig.Syntax;
using OperationsModule.ModuleBuilder.Markdown;

namespace OperationsModule.ModuleBuilder.Help
{
    /// <summary>
    /// "### Example N: title" subsections of EXAMPLES. ```powershell blocks are the code; paragraphs, and
    /// untagged ``` blocks (sample output), are the remarks. PlatyPS 0.14 would put output blocks into the code;
    /// keeping them out is what makes Get-Help -Examples show code that runs.
    /// </summary>
    public static class ExampleReader
    {
        private const string Section = "## EXAMPLES";

        private static readonly string[] CodeLanguages = { "powershell", "pwsh", "ps1", "ps" };

        public static IEnumerable<ExampleHelp> Read(Section section, string file)
        {
            if (section.Blocks.Count > 0) throw new HelpFormatException(file, Section, "text before the first '### Example' heading");
            foreach (var subsection in section.Subsections)
            {
                var where = $"{Section}, ### {subsection.Title}";
                var example = new ExampleHelp(subsection.Title);
                foreach (var block in subsection.Blocks)
                {
                    if (block is FencedCodeBlock fenced && IsPowerShell(fenced)) example.Code.Add(MarkdownText.Code(fenced));
                    else example.Remarks.AddRange(MarkdownText.Paragraphs(new[] { block }));
                }
                if (example.Code.Count == 0) throw new HelpFormatException(file, where, "no ```powershell code block");
                yield return example;
            }
        }

        private static bool IsPowerShell(FencedCodeBlock block) =>
            CodeLanguages.Contains(block.Info ?? string.Empty, StringComparer.OrdinalIgnoreCase);
    }
}
