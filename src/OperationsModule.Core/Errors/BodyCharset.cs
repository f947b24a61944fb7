using System;
using System.Text;

namespace OperationsModule.Core.Errors
{
    /// <summary>
    /// Turns an answer's bytes into text with the charset its Content-Type names (a French server's iso-8859-1
    /// "Conflit: tâche déjà annulée" would otherwise read as "t�che d�j�"); UTF-8 when none is named or the name is
    /// unknown. A byte-order mark wins over the header, as browsers do.
    /// </summary>
    internal static class BodyCharset
    {
        public static string Decode(byte[] bytes, string? charset)
        {
            if (bytes.Length == 0) return string.Empty;
            var bom = FromByteOrderMark(bytes, out var skip);
            var encoding = bom ?? Named(charset) ?? Encoding.UTF8;
            return encoding.GetString(bytes, skip, bytes.Length - skip);
        }

        /// <summary>The encoding a charset parameter names, or null when it names none this runtime has.</summary>
        internal static Encoding? Named(string? charset)
        {
            var name = charset?.Trim().Trim('"', '\'').Trim();
            if (string.IsNullOrEmpty(name)) return null;
            try
            {
                return Encoding.GetEncoding(name);
            }
            catch (ArgumentException)
            {
                // .NET (not Framework) has no code pages without a provider; windows-1252 is Latin-1 for the letters.
                return string.Equals(name, "windows-1252", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "cp1252", StringComparison.OrdinalIgnoreCase)
                    ? Encoding.GetEncoding("iso-8859-1")
                    : null;
            }
        }

        private static Encoding? FromByteOrderMark(byte[] bytes, out int length)
        {
            length = 0;
            if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) { length = 3; return Encoding.UTF8; }
            if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) { length = 2; return Encoding.Unicode; }
            if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) { length = 2; return Encoding.BigEndianUnicode; }
            return null;
        }
    }
}
