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
            // The one nested module is the .NET Framework check, a small net452 assembly that loads no dependency, and
            // only Windows PowerShell loads it (Module.Tests.ps1 reads the manifest as each edition does).
            Assert.Matches(@"(?m)^\s*NestedModules\s*=\s*@\(if \(\$PSEdition -eq 'Desktop'\) \{ 'OperationsModule\.RuntimeCheck\.dll' \}\)\s*$", ManifestFile.Text);
        }

        [Fact]
        public void The_manifest_version_matches_the_assembly_version()
        {
            var version = CmdletMetadata.Instance.Assembly.GetName().Version!;
            Assert.Equal($"{version.Major}.{version.Minor}.{version.Build}", ManifestFile.Scalar("ModuleVersion"));
        }
    }
}
