using System.Collections.Generic;
using System.Linq;

namespace OperationsModule.Core.Output
{
    /// <summary>How a warning names the items it is about: the first IDs quoted, then how many more.</summary>
    internal static class ItemNames
    {
        /// <summary>IDs a warning names one by one; beyond these it gives the count.</summary>
        public const int NamedAtMost = 20;

        public static string Quote(IReadOnlyCollection<string> ids) => List(ids.Select(id => $"'{id}'").ToList());

        /// <summary>As <see cref="Quote"/>, for entries already worded (an ID with its error, say).</summary>
        public static string List(IReadOnlyCollection<string> entries)
        {
            var named = string.Join(", ", entries.Take(NamedAtMost));
            return entries.Count > NamedAtMost ? $"{named} and {entries.Count - NamedAtMost} more" : named;
        }

        /// <summary>"item" or "items".</summary>
        public static string Items(int count) => count == 1 ? "item" : "items";
    }
}
