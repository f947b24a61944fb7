using System.Collections.Generic;

namespace OperationsModule.Core.Listing
{
    /// <summary>
    /// One page of a list call as its source read it. Token paging fills <see cref="NextToken"/> and
    /// <see cref="IsLast"/>; page-number paging fills <see cref="PageNumber"/> and, when the server announces them,
    /// the totals. Unknown facts stay null: the pager decides from what is there.
    /// </summary>
    internal sealed class Page<TItem>
    {
        public Page(IReadOnlyList<TItem> items)
        {
            Items = items;
        }

        public IReadOnlyList<TItem> Items { get; }

        /// <summary>Token paging: the token that asks for the next page (null or empty: none).</summary>
        public string? NextToken { get; set; }

        /// <summary>True when the server says this is the last page; null when it does not say.</summary>
        public bool? IsLast { get; set; }

        /// <summary>Page-number paging: the number this answer says it is (null when the answer does not say).</summary>
        public long? PageNumber { get; set; }

        /// <summary>The items the whole list holds, when the server announces it.</summary>
        public long? TotalElements { get; set; }

        /// <summary>The pages the whole list holds, when the server announces it.</summary>
        public long? TotalPages { get; set; }

        /// <summary>The page size the server used, when it says (a page shorter than this is the last one).</summary>
        public int? PageSize { get; set; }
    }
}
