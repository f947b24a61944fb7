using System.Management.Automation;

namespace OperationsModule.RuntimeCheck
{
    /// <summary>
    /// Windows PowerShell enforces the manifest's DotNetFrameworkVersion only below 4.5 (about_Module_Manifests), so on
    /// .NET Framework 4.6.2 the import would fail later with "Could not load file or assembly 'netstandard,
    /// Version=2.0.0.0'". Loaded first, this stops it with a message naming the version needed.
    /// </summary>
    public sealed class RuntimeCheckInitializer : IModuleAssemblyInitializer
    {
        public void OnImport() => FrameworkReleaseGate.Enforce(OnDotNetFramework, RegistryRelease.Read);

        // .NET Framework's core library is mscorlib; .NET (PowerShell 7) has System.Private.CoreLib.
        private static bool OnDotNetFramework => typeof(object).Assembly.GetName().Name == "mscorlib";
    }
}
