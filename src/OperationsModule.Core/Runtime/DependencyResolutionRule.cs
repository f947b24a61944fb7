using System;
using System.IO;
using System.Reflection;

namespace OperationsModule.Core.Runtime
{
    /// <summary>
    /// When the module's AssemblyResolve handler (Windows PowerShell 5.1 only) may answer with a copy from dependencies/.
    /// The handler is process-wide, so it must not hand its System.Text.Json 8 to Az.Accounts or Microsoft.Graph when
    /// they ask for their own versions: it answers only requests made by the module's own assemblies (the module folder
    /// and dependencies/, whose chain it ships) or with no requester, for a version no higher than it ships and with
    /// the same public key token.
    /// </summary>
    internal static class DependencyResolutionRule
    {
        /// <param name="requested">The name in ResolveEventArgs.Name.</param>
        /// <param name="shipped">The name of the file in dependencies/ with the same simple name.</param>
        /// <param name="requesterLocation">ResolveEventArgs.RequestingAssembly?.Location; null when there is no requester.</param>
        /// <param name="moduleFolder">The folder of the module's own assemblies (dependencies/ is below it).</param>
        public static bool ShouldAnswer(AssemblyName requested, AssemblyName shipped, string? requesterLocation, bool hasRequester, string moduleFolder)
        {
            if (!string.Equals(requested.Name, shipped.Name, StringComparison.OrdinalIgnoreCase)) return false;
            if (hasRequester && !IsOwnFolder(requesterLocation, moduleFolder)) return false;
            if (requested.Version is { } wanted && shipped.Version is { } have && wanted > have) return false;
            var token = requested.GetPublicKeyToken();
            return token is null || token.Length == 0 || SameBytes(token, shipped.GetPublicKeyToken());
        }

        /// <summary>An assembly loaded from memory (empty Location) is never the module's own.</summary>
        private static bool IsOwnFolder(string? location, string moduleFolder)
        {
            if (string.IsNullOrEmpty(location) || string.IsNullOrEmpty(moduleFolder)) return false;
            var folder = Normalize(Path.GetDirectoryName(location!));
            var own = Normalize(moduleFolder);
            return string.Equals(folder, own, StringComparison.OrdinalIgnoreCase)
                || string.Equals(folder, Normalize(Path.Combine(own, DependenciesFolder)), StringComparison.OrdinalIgnoreCase);
        }

        public const string DependenciesFolder = "dependencies";

        private static string Normalize(string? path) =>
            string.IsNullOrEmpty(path) ? string.Empty : Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);

        private static bool SameBytes(byte[] left, byte[]? right)
        {
            if (right is null || left.Length != right.Length) return false;
            for (var i = 0; i < left.Length; i++)
                if (left[i] != right[i]) return false;
            return true;
        }
    }
}
