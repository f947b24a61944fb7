using System.IO;
using Xunit;

namespace OperationsModule.ModuleBuilder.Tests
{
    public sealed class ProgramTests
    {
        [Fact]
        public void Without_module_bin_writes_only_the_help_and_leaves_the_module_folder_as_it_is()
        {
            using var folder = new TempFolder();
            var docs = Directory.CreateDirectory(folder.Combine("docs")).FullName;
            File.WriteAllText(Path.Combine(docs, SamplePage.File), SamplePage.Text);
            var module = Directory.CreateDirectory(folder.Combine("Kit")).FullName;
            File.WriteAllText(Path.Combine(module, "Kit.psm1"), "function Stop-Thing {}");

            var exit = Program.Main(new[] { "--docs", docs, "--out", module });

            Assert.Equal(0, exit);
            Assert.Equal("function Stop-Thing {}", File.ReadAllText(Path.Combine(module, "Kit.psm1")));
            Assert.Equal(new[] { "Kit.psm1" }, System.Array.ConvertAll(Directory.GetFiles(module), Path.GetFileName));
            Assert.True(File.Exists(Path.Combine(module, "en-US", "Sample.dll-Help.xml")));
        }
    }
}
