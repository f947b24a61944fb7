namespace OperationsModule.RuntimeCheck
{
    /// <summary>
    /// Whether Windows PowerShell may import the module, from the .NET Framework's Release DWORD. Pure, so tests on any
    /// runtime can give it any release number.
    /// </summary>
    public static class DotNetFrameworkRelease
    {
        /// <summary>4.7.2: the first release whose in-box netstandard.dll covers what the module's assemblies need.</summary>
        public const int Minimum = 461808;

        /// <summary>The message that stops the import, or null when the release is new enough or unknown.</summary>
        public static string? RefusalFor(int? release)
        {
            // Unreadable: Windows PowerShell 5.1 itself needs 4.5+, so let the import try rather than guess.
            if (release is not int found || found >= Minimum) return null;
            return $"OperationsModule needs .NET Framework 4.7.2 or later (Release {Minimum} or higher) in Windows PowerShell 5.1; "
                + $"this computer has .NET Framework {VersionOf(found)} (Release {found}). "
                + "Install .NET Framework 4.8 (https://dotnet.microsoft.com/download/dotnet-framework), or use PowerShell 7.";
        }

        /// <summary>The version a Release value stands for (Microsoft's table of minimum values).</summary>
        public static string VersionOf(int release)
        {
            if (release >= 528040) return "4.8";
            if (release >= Minimum) return "4.7.2";
            if (release >= 461308) return "4.7.1";
            if (release >= 460798) return "4.7";
            if (release >= 394802) return "4.6.2";
            if (release >= 394254) return "4.6.1";
            if (release >= 393295) return "4.6";
            if (release >= 379893) return "4.5.2";
            if (release >= 378675) return "4.5.1";
            if (release >= 378389) return "4.5";
            return "older than 4.5";
        }
    }
}
