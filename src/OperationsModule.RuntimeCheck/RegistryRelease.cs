using System;
using Microsoft.Win32;

namespace OperationsModule.RuntimeCheck
{
    /// <summary>The installed .NET Framework 4.x release, as Windows records it (HKLM ...\NDP\v4\Full, Release).</summary>
    internal static class RegistryRelease
    {
        private const string ReleaseKey = @"SOFTWARE\Microsoft\NET Framework Setup\NDP\v4\Full";

        /// <summary>Null when the key or value is missing or unreadable: the gate then lets the import try.</summary>
        public static int? Read()
        {
            try
            {
                using (var key = Registry.LocalMachine.OpenSubKey(ReleaseKey))
                {
                    return key?.GetValue("Release") as int?;
                }
            }
            catch (Exception ex) when (ex is System.Security.SecurityException || ex is UnauthorizedAccessException || ex is System.IO.IOException)
            {
                return null;
            }
        }
    }
}
