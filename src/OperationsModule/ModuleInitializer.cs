using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace OperationsModule
{
    /// <summary>
    /// Windows PowerShell 5.1 has no System.Text.Json: resolve it and its dependency chain from the
    /// module's dependencies/ folder, and only for requests that folder can answer. PowerShell 7 carries
    /// its own System.Text.Json (8.0+), which wins, so nothing is registered there. Cheap: no file reads at import.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string DependencyFolder =
            Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? string.Empty, "dependencies");

        public void OnImport()
        {
            if (IsDesktop()) AppDomain.CurrentDomain.AssemblyResolve += ResolveDependency;
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            if (IsDesktop()) AppDomain.CurrentDomain.AssemblyResolve -= ResolveDependency;
        }

        private static bool IsDesktop() =>
            System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        private static Assembly? ResolveDependency(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name;
            var candidate = Path.Combine(DependencyFolder, name + ".dll");
            return File.Exists(candidate) ? Assembly.LoadFrom(candidate) : null;
        }
    }
}
