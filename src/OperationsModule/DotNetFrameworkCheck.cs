using System;
using System.IO;
using System.Reflection;

namespace OperationsModule
{
    /// <summary>
    /// Windows PowerShell enforces the manifest's DotNetFrameworkVersion only below 4.5 (about_Module_Manifests), so on an
    /// older .NET Framework nothing stops the import before the module fails with a load error. The initializer calls this
    /// first, on .NET Framework only, to stop the import with a message naming the release needed. The decision lives in
    /// OperationsModule.RuntimeCheck.dll (net452), which reads the registry with .NET Framework's own API.
    /// </summary>
    /// <remarks>
    /// Before 4.7.1, .NET Framework has no netstandard.dll of its own: the module ships the facade (the one .NET SDK
    /// copies beside net461 programs), so that this assembly loads and gets this far. PowerShell 7 never runs this.
    /// </remarks>
    internal static class DotNetFrameworkCheck
    {
        internal const string AssemblyFile = "OperationsModule.RuntimeCheck.dll";
        internal const string GateType = "OperationsModule.RuntimeCheck.FrameworkReleaseGate";

        /// <summary>
        /// .NET Framework's core library is mscorlib; .NET (PowerShell 7) has System.Private.CoreLib. Not
        /// RuntimeInformation: before .NET Framework 4.7.1 that is an assembly of its own, which the module does not ship.
        /// </summary>
        public static bool OnDotNetFramework => typeof(object).Assembly.GetName().Name == "mscorlib";

        /// <summary>Stops the import (PlatformNotSupportedException, the check's message) on a .NET Framework too old.</summary>
        public static void Enforce(string moduleFolder) => Gate<Action>(moduleFolder, "EnforceHere")();

        /// <summary>The same check over a runtime and release a test gives, reached the way <see cref="Enforce(string)"/> reaches it.</summary>
        internal static void Enforce(string moduleFolder, bool onDotNetFramework, Func<int?> readRelease) =>
            Gate<Action<bool, Func<int?>>>(moduleFolder, "Enforce")(onDotNetFramework, readRelease);

        // A delegate, not MethodInfo.Invoke: the refusal reaches Import-Module as thrown, not wrapped in a TargetInvocationException.
        private static T Gate<T>(string moduleFolder, string method) where T : Delegate
        {
            var gate = Assembly.LoadFrom(Path.Combine(moduleFolder, AssemblyFile)).GetType(GateType, throwOnError: true);
            return (T)Delegate.CreateDelegate(typeof(T), gate, method);
        }
    }
}
