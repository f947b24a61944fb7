using System;
using System.Globalization;
using System.Text;

namespace OperationsModule.Core.Validation
{
    /// <summary>
    /// Windows file-name rules, applied on every OS so a script that works on Linux works on Windows too: no
    /// control characters or &lt; &gt; : " / \ | ? * (a ':' makes a drive-relative path or an alternate data stream),
    /// no trailing dot or space (Windows drops them), no device name (CON, PRN, AUX, NUL, COM1-9, LPT1-9, with or
    /// without an extension: "NUL.pdf" is the device too).
    /// </summary>
    internal static class FileNameRules
    {
        private const string Forbidden = "<>:\"/\\|?*";
        private const int MaximumLength = 200;

        /// <summary>What is wrong with a leaf name (a typed -OutFile's), or null when Windows would accept it as a file.</summary>
        public static string? Problem(string leaf)
        {
            if (leaf.Length == 0) return "the file name is empty";
            foreach (var c in leaf)
            {
                if (char.IsControl(c)) return $"the file name contains the control character U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)}";
                if (Forbidden.IndexOf(c) >= 0)
                    return c == ':' ? "the file name contains ':', which Windows reads as a drive or an alternate data stream" : $"the file name contains '{c}', which Windows does not allow";
            }
            if (leaf.EndsWith(".", StringComparison.Ordinal) || leaf.EndsWith(" ", StringComparison.Ordinal)) return "the file name ends with a dot or a space, which Windows drops";
            if (IsDeviceName(leaf)) return $"'{leaf}' is a Windows device name, not a file";
            return null;
        }

        /// <summary>
        /// A leaf name safe on every platform, built from a value the server chose (an operationId): forbidden and
        /// control characters become '_', trailing dots and spaces go, a device name gets a '_' in front, and the name
        /// is kept short. Never empty, never a path.
        /// </summary>
        public static string SafeLeaf(string name, string extension)
        {
            var text = new StringBuilder(name.Length);
            foreach (var c in name) text.Append(char.IsControl(c) || Forbidden.IndexOf(c) >= 0 ? '_' : c);
            var stem = text.ToString().TrimEnd('.', ' ').TrimStart(' ');
            if (stem.Length > MaximumLength) stem = stem.Substring(0, MaximumLength);
            if (stem.Length == 0 || stem.Trim('.').Length == 0) stem = "_" + stem;
            if (IsDeviceName(stem + extension)) stem = "_" + stem;
            return stem + extension;
        }

        /// <summary>Windows reserves these with any extension and regardless of case (and COM¹-³, LPT¹-³).</summary>
        private static bool IsDeviceName(string leaf)
        {
            var dot = leaf.IndexOf('.');
            var stem = (dot < 0 ? leaf : leaf.Substring(0, dot)).TrimEnd(' ').ToUpperInvariant();
            switch (stem)
            {
                case "CON": case "PRN": case "AUX": case "NUL": case "CONIN$": case "CONOUT$":
                    return true;
            }
            return stem.Length == 4 && (stem.StartsWith("COM", StringComparison.Ordinal) || stem.StartsWith("LPT", StringComparison.Ordinal))
                && ("123456789\u00B9\u00B2\u00B3".IndexOf(stem[3]) >= 0);
        }
    }
}
