using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using OperationsModule.Core.Runtime;

namespace OperationsModule
{
    /// <summary>
    /// On Windows PowerShell 5.1 only: first the .NET Framework release check (<see cref="DotNetFrameworkCheck"/>), then
    /// System.Text.Json and its dependency chain resolved from the module's dependencies/ folder, for the module's own
    /// requests only (DependencyResolutionRule decides). PowerShell 7 carries its own System.Text.Json (8.0+), which
    /// wins, so nothing is checked or registered there. Cheap: no file reads at import.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string ModuleFolder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? string.Empty;
        private static readonly string DependencyFolder = Path.Combine(ModuleFolder, DependencyResolutionRule.DependenciesFolder);
        private static readonly object Gate = new object();
        private static readonly Lazy<Dictionary<string, AssemblyName>> Shipped = new Lazy<Dictionary<string, AssemblyName>>(ReadShippedNames);
        private static readonly ConcurrentDictionary<string, Assembly> Loaded = new ConcurrentDictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);
        private static bool _registered;

        public void OnImport() => Import(DotNetFrameworkCheck.OnDotNetFramework, () => DotNetFrameworkCheck.Enforce(ModuleFolder), RegisterResolver);

        /// <summary>
        /// What an import does, with the runtime and both steps passed in (tests on .NET 10 play .NET Framework): the
        /// release check comes first, so that on a .NET Framework too old its message, not a load error, ends the import.
        /// </summary>
        internal static void Import(bool onDotNetFramework, Action enforceRelease, Action registerResolver)
        {
            if (!onDotNetFramework) return;
            enforceRelease();
            registerResolver();
        }

        private static void RegisterResolver()
        {
            lock (Gate)
            {
                // Once per process: a second Import-Module after Remove-Module must not add a second handler.
                if (_registered) return;
                AppDomain.CurrentDomain.AssemblyResolve += ResolveDependency;
                _registered = true;
            }
        }

        /// <summary>
        /// The handler stays registered: .NET Framework cannot unload Core, and its types (still referenced by sessions,
        /// jobs or output objects) load System.Text.Json lazily, after a Remove-Module as well.
        /// </summary>
        public void OnRemove(PSModuleInfo psModuleInfo)
        {
        }

        private static Assembly? ResolveDependency(object? sender, ResolveEventArgs args)
        {
            AssemblyName requested;
            try
            {
                requested = new AssemblyName(args.Name);
            }
            catch (Exception ex) when (ex is ArgumentException or FileLoadException)
            {
                return null;
            }
            if (requested.Name is null || !Shipped.Value.TryGetValue(requested.Name, out var shipped)) return null;
            var requester = args.RequestingAssembly;
            // A dynamic assembly's Location throws on .NET Framework; it is never the module's own anyway.
            var location = requester is null || requester.IsDynamic ? null : requester.Location;
            if (!DependencyResolutionRule.ShouldAnswer(requested, shipped, location, requester is not null, ModuleFolder)) return null;
            // Loaded once: later requests get the same assembly without touching the disk.
            return Loaded.GetOrAdd(shipped.Name!, name => Assembly.LoadFrom(Path.Combine(DependencyFolder, name + ".dll")));
        }

        /// <summary>The names (with versions and keys) of what dependencies/ ships, read at the first request.</summary>
        private static Dictionary<string, AssemblyName> ReadShippedNames()
        {
            var names = new Dictionary<string, AssemblyName>(StringComparer.OrdinalIgnoreCase);
            if (!Directory.Exists(DependencyFolder)) return names;
            foreach (var file in Directory.GetFiles(DependencyFolder, "*.dll"))
            {
                try
                {
                    var name = AssemblyName.GetAssemblyName(file);
                    if (name.Name is not null) names[name.Name] = name;
                }
                catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or IOException)
                {
                    // Not an assembly: nothing to answer with.
                }
            }
            return names;
        }
    }
}
