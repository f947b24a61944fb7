using System;
using System.Runtime.CompilerServices;

namespace OperationsModule.Core.Validation
{
    /// <summary>
    /// Text that stands in for a piped object that is not an ID. PowerShell binds whatever it is given to a string
    /// ID parameter (a hashtable becomes "System.Collections.Hashtable"), so the cmdlets' argument transformation
    /// replaces such an object with a fresh string registered here; IdValidator then refuses it with the problem, and
    /// a command that hands some objects elsewhere (PowerCLI's tasks) finds the original. Keyed by reference: text a
    /// user typed, even with the same characters, is never a stand-in.
    /// </summary>
    internal static class PipedStandIns
    {
        private static readonly ConditionalWeakTable<string, StandIn> Registered = new ConditionalWeakTable<string, StandIn>();

        /// <summary>A stand-in for an object that is refused as an ID; <paramref name="problem"/> says why, for the error.</summary>
        public static string Refused(object original, string display, string problem) => Register(original, display, problem, null);

        /// <summary>A stand-in for an object that belongs to another command (<paramref name="owner"/>, e.g. PowerCLI).</summary>
        public static string Foreign(object original, string display, string owner) => Register(original, display, null, owner);

        public static bool TryGet(string? text, out StandIn standIn)
        {
            standIn = null!;
            return text is not null && Registered.TryGetValue(text, out standIn!);
        }

        private static string Register(object original, string display, string? problem, string? owner)
        {
            // A new instance every time (never interned), so only this very reference is the stand-in.
            var text = new string(display.ToCharArray());
            Registered.Add(text, new StandIn(original, problem, owner));
            return text;
        }
    }

    /// <summary>What one stand-in text represents.</summary>
    internal sealed class StandIn
    {
        internal StandIn(object original, string? problem, string? owner)
        {
            Original = original;
            Problem = problem;
            Owner = owner;
        }

        /// <summary>The piped object as it arrived.</summary>
        public object Original { get; }

        /// <summary>Why it is not an ID (null for a foreign object).</summary>
        public string? Problem { get; }

        /// <summary>The command family it belongs to (null for a refused object).</summary>
        public string? Owner { get; }
    }
}
