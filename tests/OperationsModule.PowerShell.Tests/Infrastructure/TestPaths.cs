using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace OperationsModule.PowerShell.Tests.Infrastructure
{
    /// <summary>Where the built module, the simulator and the pinned Pester are, as this test build saw them.</summary>
    public static class TestPaths
    {
        public static readonly string Root = FindRoot();

        public static string Configuration => Metadata("Configuration");

        /// <summary>The module folder this build assembled (see the AssembleModule target in the project file).</summary>
        public static string ModuleFolder => Metadata("ModuleFolder");

        public static string ModuleManifest => Path.Combine(ModuleFolder, "OperationsModule.psd1");

        public static string PesterManifest => Metadata("PesterManifest");

        public static string SimulatorDll => Path.Combine(Root, "src", "OperationsModule.Simulator", "bin", Configuration, "net10.0", "OperationsModule.Simulator.dll");

        private static string Metadata(string key) =>
            typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
            ?? throw new InvalidOperationException($"The test assembly lacks its {key} metadata.");

        private static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "OperationsModule.sln"))) return dir.FullName;
            throw new InvalidOperationException("Cannot find OperationsModule.sln above " + AppContext.BaseDirectory);
        }
    }
}
