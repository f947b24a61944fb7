using System.Linq;
using Xunit;

namespace OperationsModule.Contract.Tests
{
    public sealed class ManifestTests
    {
        [Fact]
        public void CmdletsToExport_lists_exactly_the_cmdlets_in_the_assembly()
        {
            var exported = ManifestFile.List("CmdletsToExport").OrderBy(x => x).ToList();
            var defined = CmdletMetadata.Instance.Cmdlets.Select(c => c.Name).OrderBy(x => x).ToList();
            Assert.Equal(defined, exported);
        }

        [Fact]
        public void The_manifest_loads_in_both_editions_without_wildcards()
        {
            Assert.Equal("OperationsModule.dll", ManifestFile.Scalar("RootModule"));
            Assert.Equal("5.1", ManifestFile.Scalar("PowerShellVersion"));
            Assert.Equal(new[] { "Desktop", "Core" }, ManifestFile.List("CompatiblePSEditions"));
            Assert.Equal(new[] { "OperationsModule.Format.ps1xml" }, ManifestFile.List("FormatsToProcess"));
            Assert.Empty(ManifestFile.List("FunctionsToExport"));
            Assert.Empty(ManifestFile.List("VariablesToExport"));
            Assert.DoesNotContain("'*'", ManifestFile.Text);
        }

        [Fact]
        public void Nothing_loads_before_the_dependency_resolver()
        {
            // RequiredAssemblies and NestedModules load before IModuleAssemblyInitializer runs (Graph's lesson).
            Assert.False(ManifestFile.HasKey("RequiredAssemblies"));
            // No nested module either: the .NET Framework check runs from the root module's initializer.
            Assert.False(ManifestFile.HasKey("NestedModules"));
        }

        [Fact]
        public void The_manifest_is_plain_data()
        {
            // A manifest with a variable or an expression is compiled and scanned at every import; plain data is read
            // as it stands. Comments may say anything.
            var code = string.Join("\n", ManifestFile.Text.Split('\n').Select(line => line.Split('#')[0]));
            Assert.DoesNotContain("$", code);
            Assert.DoesNotMatch(@"\b(if|foreach|switch)\b", code);
            // Lists are one array literal, with commas: names one per statement are collected through pipeline binders.
            Assert.DoesNotMatch(@"'\s*\n\s*'", code);
        }

        [Fact]
        public void The_manifest_version_matches_the_assembly_version()
        {
            var version = CmdletMetadata.Instance.Assembly.GetName().Version!;
            Assert.Equal($"{version.Major}.{version.Minor}.{version.Build}", ManifestFile.Scalar("ModuleVersion"));
        }
    }
}
