using System.IO;
using System.Linq;
using System.Xml.Linq;
using OperationsModule.ModuleBuilder.Help;
using Xunit;

namespace OperationsModule.ModuleBuilder.Tests
{
    /// <summary>The repository's own docs/en-US converts: a page broken by an edit fails here, before any pwsh runs.</summary>
    public sealed class RepositoryDocsTests
    {
        private static string Docs() => Path.Combine(RepositoryRoot(), "docs", "en-US");

        private static string KitDocs() => Path.Combine(RepositoryRoot(), "docs", "OperationsModule.Testing", "en-US");

        private static string RepositoryRoot()
        {
            var folder = new DirectoryInfo(System.AppContext.BaseDirectory);
            while (folder != null && !File.Exists(Path.Combine(folder.FullName, "OperationsModule.sln"))) folder = folder.Parent;
            Assert.NotNull(folder);
            return folder!.FullName;
        }

        [Fact]
        public void Every_page_converts_into_one_MAML_file_and_the_about_topic()
        {
            using var help = new TempFolder();
            var written = HelpBuilder.Convert(Docs()).WriteTo(help.Path).Select(Path.GetFileName).OrderBy(f => f, System.StringComparer.Ordinal);
            Assert.Equal(new[] { "OperationsModule.dll-Help.xml", "about_OperationsModule.help.txt" }, written);

            var pages = Directory.GetFiles(Docs(), "*.md").Count(p => !Path.GetFileName(p).StartsWith("about_"));
            Assert.Equal(pages, XDocument.Load(help.Combine("OperationsModule.dll-Help.xml")).Root!.Elements(MamlNamespaces.Command + "command").Count());
        }
    
        [Fact]
        public void The_test_kit_pages_convert_into_its_script_module_MAML_file_with_every_exported_function()
        {
            using var help = new TempFolder();
            var written = HelpBuilder.Convert(KitDocs()).WriteTo(help.Path).Select(Path.GetFileName);
            Assert.Equal(new[] { "OperationsModule.Testing-help.xml" }, written);

            var manifest = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "OperationsModule.Testing", "OperationsModule.Testing.psd1"));
            // Every Verb-Noun name in FunctionsToExport (the kit's simulator commands and its mock helpers).
            var functions = System.Text.RegularExpressions.Regex.Match(manifest, @"(?s)FunctionsToExport\s*=\s*@\((.*?)\)").Groups[1].Value;
            var exported = System.Text.RegularExpressions.Regex.Matches(functions, @"'(\w+-\w+)'").Select(m => m.Groups[1].Value).OrderBy(n => n, System.StringComparer.Ordinal);
            var documented = XDocument.Load(help.Combine("OperationsModule.Testing-help.xml")).Root!
                .Elements(MamlNamespaces.Command + "command")
                .Select(c => c.Element(MamlNamespaces.Command + "details")!.Element(MamlNamespaces.Command + "name")!.Value)
                .OrderBy(n => n, System.StringComparer.Ordinal);
            Assert.Equal(exported, documented);
        }
    }
}
