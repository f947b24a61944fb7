using System;
using System.Management.Automation;
using Microsoft.Win32;

namespace OperationsModule.RuntimeCheck
{
    /// <summary>
    /// Windows PowerShell enforces the manifest's DotNetFrameworkVersion only below 4.5 (about_Module_Manifests), so on
    /// .NET Framework 4.6.2 the import would fail later with "Could not load file or assembly 'netstandard,
    /// Version=2.0.0.0'". This stops it first with a message naming the version needed. PowerShell 7 is never checked.
    /// </summary>
    public sealed class RuntimeCheckInitializer : IModuleAssemblyInitializer
    {
        private const string ReleaseKey = @"SOFTWARE\Microsoft\NET Framework Setup\NDP\v4\Full";

        public void OnImport()
        {
            // .NET Framework's core library is mscorlib; .NET (PowerShell 7) has System.Private.CoreLib.
            if (typeof(object).Assembly.GetName().Name != "mscorlib") return;
            var refusal = DotNetFrameworkRelease.RefusalFor(ReadRelease());
            if (refusal is not null) throw new PlatformNotSupportedException(refusal);
        }

        private static int? ReadRelease()
        {
            try
            {
                using var key = Registry.LocalMachine.OpenSubKey(ReleaseKey);
                return key?.GetValue("Release") as int?;
            }
            catch (Exception ex) when (ex is System.Security.SecurityException || ex is UnauthorizedAccessException || ex is System.IO.IOException)
            {
                return null;
            }
        }
    }
}
