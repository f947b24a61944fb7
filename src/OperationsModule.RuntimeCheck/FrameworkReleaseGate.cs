using System;

namespace OperationsModule.RuntimeCheck
{
    /// <summary>
    /// The import's decision, with the runtime and the registry passed in: tests on .NET 10 can say "this is .NET
    /// Framework, Release 394802" and see the import stopped, which no process here can be.
    /// </summary>
    public static class FrameworkReleaseGate
    {
        /// <summary>
        /// Stops the import when <paramref name="onDotNetFramework"/> and the release <paramref name="readRelease"/>
        /// gives is too old. Off .NET Framework the release is never read (off Windows the registry would throw).
        /// </summary>
        public static void Enforce(bool onDotNetFramework, Func<int?> readRelease)
        {
            if (!onDotNetFramework) return;
            var refusal = DotNetFrameworkRelease.RefusalFor(readRelease());
            if (refusal != null) throw new PlatformNotSupportedException(refusal);
        }

        /// <summary>This process's runtime and this computer's release: what the module's initializer calls.</summary>
        public static void EnforceHere() => Enforce(OnDotNetFramework, RegistryRelease.Read);

        // .NET Framework's core library is mscorlib; .NET (PowerShell 7) has System.Private.CoreLib.
        private static bool OnDotNetFramework => typeof(object).Assembly.GetName().Name == "mscorlib";
    }
}
