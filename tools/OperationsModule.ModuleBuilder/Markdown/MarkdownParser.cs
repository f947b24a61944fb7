using Markdig;
using Markdig.Syntax;

namespace OperationsModule.ModuleBuilder.Markdown
{
    /// <summary>The one Markdig configuration: PlatyPS pages use YAML front matter, and NOTES may hold pipe tables.</summary>
    public static class MarkdownParser
    {
        private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
            .UseYamlFrontMatter()
            .UsePipeTables()
            .Build();

        public static MarkdownDocument Parse(string text) => Markdig.Markdown.Parse(text, Pipeline);
    }
}
