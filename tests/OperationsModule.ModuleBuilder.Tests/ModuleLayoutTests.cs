using System.IO;
using System.Linq;
using OperationsModule.ModuleBuilder.Layout;
using Xunit;

namespace OperationsModule.ModuleBuilder.Tests
{
    public sealed class ModuleLayoutTests
    {
        private static TempFolder FakeModuleBin()
        {
            var bin = new TempFolder();
            foreach (var file in ModuleLayout.TopLevelFiles.Concat(ModuleLayout.DependencyAssemblies.Select(n => n + ".dll")).Append("Unrelated.dll"))
                File.WriteAllText(bin.Combine(file), file);
            return bin;
        }

        [Fact]
        public void Puts_the_module_files_at_the_top_and_the_51_dependencies_in_their_own_folder()
        {
            using var bin = FakeModuleBin();
            using var target = new TempFolder();
            var output = target.Combine("OperationsModule");
            ModuleLayout.Assemble(bin.Path, output);

            Assert.Equal(ModuleLayout.TopLevelFiles.OrderBy(f => f), Directory.GetFiles(output).Select(Path.GetFileName).OrderBy(f => f));
            Assert.Equal(ModuleLayout.DependencyAssemblies.Select(n => n + ".dll").OrderBy(f => f),
                Directory.GetFiles(Path.Combine(output, "dependencies")).Select(Path.GetFileName).OrderBy(f => f));
            Assert.Equal("System.Text.Json.dll", File.ReadAllText(Path.Combine(output, "dependencies", "System.Text.Json.dll")));
        }

        [Fact]
        public void Replaces_an_earlier_module_folder_entirely()
        {
            using var bin = FakeModuleBin();
            using var target = new TempFolder();
            var output = target.Combine("OperationsModule");
            ModuleLayout.Assemble(bin.Path, output);
            File.WriteAllText(Path.Combine(output, "stale.txt"), "from an earlier build");
            ModuleLayout.Assemble(bin.Path, output);
            Assert.False(File.Exists(Path.Combine(output, "stale.txt")));
        }

        [Fact]
        public void Refuses_to_wipe_a_folder_that_is_not_a_module_folder()
        {
            using var bin = FakeModuleBin();
            using var target = new TempFolder();
            File.WriteAllText(target.Combine("notes.txt"), "someone's work");
            var error = Assert.Throws<ModuleLayoutException>(() => ModuleLayout.Assemble(bin.Path, target.Path));
            Assert.Contains("refusing", error.Message);
            Assert.True(File.Exists(target.Combine("notes.txt")));
        }

        [Fact]
        public void Names_the_files_a_build_lacks()
        {
            using var bin = FakeModuleBin();
            using var target = new TempFolder();
            File.Delete(bin.Combine("System.Memory.dll"));
            var error = Assert.Throws<ModuleLayoutException>(() => ModuleLayout.Assemble(bin.Path, target.Combine("OperationsModule")));
            Assert.Contains("System.Memory.dll", error.Message);
        }
    }
}
