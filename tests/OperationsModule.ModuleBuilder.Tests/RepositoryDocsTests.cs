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
        private static string Docs()
        {
            var folder = new DirectoryInfo(System.AppContext.BaseDirectory);
            while (folder != null && !File.Exists(Path.Combine(folder.FullName, "OperationsModule.sln"))) folder = folder.Parent;
            Assert.NotNull(folder);
            return Path.Combine(folder!.FullName, "docs", "en-US");
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
    }
}
