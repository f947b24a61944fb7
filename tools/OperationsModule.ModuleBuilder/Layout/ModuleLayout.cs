using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace OperationsModule.ModuleBuilder.Layout
{
    /// <summary>
    /// The importable module folder: the cmdlet and Core assemblies, manifest and format file at the top, with the
    /// .NET Framework release check and the netstandard facade Windows PowerShell needs to reach it (DotNetFrameworkCheck), and
    /// in dependencies/ the assemblies Windows PowerShell 5.1 lacks. PowerShell 7 has its own copies, which win;
    /// ModuleInitializer resolves these only when the runtime cannot (the PSResourceGet layout), so they never
    /// collide with another module's copies.
    /// </summary>
    public static class ModuleLayout
    {
        public static readonly IReadOnlyList<string> TopLevelFiles = new[]
        {
            "OperationsModule.dll", "OperationsModule.Core.dll", "OperationsModule.psd1", "OperationsModule.Format.ps1xml",
            "OperationsModule.RuntimeCheck.dll", "netstandard.dll",
        };

        public static readonly IReadOnlyList<string> DependencyAssemblies = new[]
        {
            "System.Text.Json", "System.Text.Encodings.Web", "Microsoft.Bcl.AsyncInterfaces", "System.Buffers",
            "System.Memory", "System.Numerics.Vectors", "System.Runtime.CompilerServices.Unsafe", "System.Threading.Tasks.Extensions",
        };

        public const string DependenciesFolder = "dependencies";

        /// <summary>Empties <paramref name="output"/> (only if it is empty or an earlier module folder) and copies the files in.</summary>
        public static void Assemble(string moduleBin, string output)
        {
            var missing = TopLevelFiles.Concat(DependencyAssemblies.Select(name => name + ".dll"))
                .Where(file => !File.Exists(Path.Combine(moduleBin, file)))
                .ToList();
            if (missing.Count > 0)
                throw new ModuleLayoutException($"{moduleBin} lacks {string.Join(", ", missing)}: build src/OperationsModule first (dotnet build).");

            PrepareEmpty(output);
            foreach (var file in TopLevelFiles) File.Copy(Path.Combine(moduleBin, file), Path.Combine(output, file));
            var dependencies = Directory.CreateDirectory(Path.Combine(output, DependenciesFolder)).FullName;
            foreach (var name in DependencyAssemblies) File.Copy(Path.Combine(moduleBin, name + ".dll"), Path.Combine(dependencies, name + ".dll"));
        }

        /// <summary>Refuses to wipe a folder that is not a module folder: a mistyped --out must not delete someone's work.</summary>
        private static void PrepareEmpty(string output)
        {
            if (Directory.Exists(output))
            {
                var isModuleFolder = File.Exists(Path.Combine(output, "OperationsModule.psd1"));
                if (!isModuleFolder && Directory.EnumerateFileSystemEntries(output).Any())
                    throw new ModuleLayoutException($"{output} is not empty and holds no OperationsModule.psd1: refusing to replace it.");
                Directory.Delete(output, recursive: true);
            }
            Directory.CreateDirectory(output);
        }
    }

    public sealed class ModuleLayoutException : Exception
    {
        public ModuleLayoutException(string message) : base(message) { }
    }
}
