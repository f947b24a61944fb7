using System;
using System.Text.RegularExpressions;
using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Validation
{
    /// <summary>
    /// Refuses identifiers that would change the meaning of a URL path, before any request is made.
    /// Legal characters are escaped later, so IDs with spaces or unicode reach the server intact.
    /// </summary>
    internal static class IdValidator
    {
        public const int MaximumLength = 256;

        private static readonly Regex PercentEscape = new Regex("%[0-9A-Fa-f]{2}", RegexOptions.CultureInvariant);

        public static string Validate(string parameterName, string? value)
        {
            if (value is null) throw new InputValidationException(parameterName, "the value is null.");
            if (PipedStandIns.TryGet(value, out var standIn) && standIn.Problem is { } problem) throw new InputValidationException(parameterName, problem);
            if (value.Length == 0) throw new InputValidationException(parameterName, "the value is empty.");
            if (value.Trim().Length == 0) throw new InputValidationException(parameterName, "the value is whitespace only.");
            if (value.Length > MaximumLength) throw new InputValidationException(parameterName, $"the value is {value.Length} characters long; at most {MaximumLength} are allowed.");
            if (value != value.Trim()) throw new InputValidationException(parameterName, $"'{Printable(value)}' has leading or trailing whitespace.");
            if (value == "." || value == "..") throw new InputValidationException(parameterName, $"'{value}' is a path step, not an identifier.");
            // .NET Framework's Uri (Windows PowerShell 5.1) strips trailing dots from a path segment, so "abc." would
            // reach the server as "abc", another item: refused on every edition, so a script behaves the same on both.
            if (value.EndsWith(".", StringComparison.Ordinal)) throw new InputValidationException(parameterName, $"'{Printable(value)}' ends with '.', which Windows PowerShell 5.1 drops from a URL (the request would name another item).");
            foreach (var c in value)
            {
                if (char.IsControl(c)) throw new InputValidationException(parameterName, $"'{Printable(value)}' contains the control character U+{(int)c:X4}.");
                if (c is '/' or '\\' or '?' or '#') throw new InputValidationException(parameterName, $"'{value}' contains '{c}', which would change the request's URL.");
            }
            if (LoneSurrogateAt(value) is { } at)
                throw new InputValidationException(parameterName, $"'{Printable(value.Substring(0, at))}\\u{(int)value[at]:X4}…' is not well-formed text: the character at position {at + 1} is half of a UTF-16 surrogate pair, which UTF-8 cannot carry (it would reach the server as U+FFFD, another ID).");
            if (PercentEscape.IsMatch(value)) throw new InputValidationException(parameterName, $"'{value}' contains a percent-escape ({PercentEscape.Match(value).Value}); pass the identifier unescaped.");
            return value;
        }

        /// <summary>Positive 64-bit identifiers (OL Connect job IDs, BigChange job and customer IDs).</summary>
        public static long ValidatePositive(string parameterName, long value)
        {
            // PowerShell binds an empty or blank line to a numeric parameter as 0: say so, or the user looks for a 0 they never typed.
            if (value == 0) throw new InputValidationException(parameterName, "0 is not a valid identifier (an empty or blank value reads as 0); it must be 1 or greater.");
            if (value < 1) throw new InputValidationException(parameterName, $"{value} is not a valid identifier; it must be 1 or greater.");
            return value;
        }

        /// <summary>The index of a high surrogate not followed by a low one, or of a low one not preceded by a high one.</summary>
        private static int? LoneSurrogateAt(string value)
        {
            for (var i = 0; i < value.Length; i++)
            {
                if (char.IsHighSurrogate(value[i]))
                {
                    if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
                    else return i;
                }
                else if (char.IsLowSurrogate(value[i])) return i;
            }
            return null;
        }

        private static string Printable(string value)
        {
            var chars = value.ToCharArray();
            for (var i = 0; i < chars.Length; i++) if (char.IsControl(chars[i])) chars[i] = '?';
            return new string(chars);
        }
    }
}
