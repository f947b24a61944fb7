using System;
using System.IO;

namespace OperationsModule.Contract.Tests
{
    /// <summary>Locates the repository and the built cmdlet assembly from the test's own output folder.</summary>
    public static class RepoPaths
    {
        public static readonly string Root = FindRoot();

        public static string Configuration =>
#if RELEASE_BUILD
            "Release";
#else
            "Debug";
#endif

        public static string ModuleBin => Path.Combine(Root, "src", "OperationsModule", "bin", Configuration, "netstandard2.0");

        public static string CmdletAssembly => Path.Combine(ModuleBin, "OperationsModule.dll");

        public static string CoreAssembly => Path.Combine(ModuleBin, "OperationsModule.Core.dll");

        public static string Manifest => Path.Combine(Root, "OperationsModule.psd1");

        public static string FormatFile => Path.Combine(Root, "src", "OperationsModule", "OperationsModule.Format.ps1xml");

        public static string Docs => Path.Combine(Root, "docs", "en-US");

        public static string SmaReference => Path.Combine(AppContext.BaseDirectory, "sma-reference", "System.Management.Automation.dll");

        private static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "OperationsModule.sln"))) return dir.FullName;
            throw new InvalidOperationException("Cannot find OperationsModule.sln above " + AppContext.BaseDirectory);
        }
    }
}
