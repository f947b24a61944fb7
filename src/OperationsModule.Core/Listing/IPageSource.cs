using OperationsModule.Core.Http;

namespace OperationsModule.Core.Listing
{
    /// <summary>
    /// One system's list call: builds the request for a page (filters the server offers go into the query) and
    /// reads the answer. <see cref="StreamedPager{TItem}"/> does the rest: sending through the session's transport,
    /// moving from page to page, and refusing servers that loop.
    /// </summary>
    internal interface IPageSource<TItem>
    {
        PagingStyle Style { get; }

        /// <summary>What is listed, for messages (e.g. "VCF tasks").</summary>
        string What { get; }

        ApiRequest BuildRequest(PageCursor cursor);

        /// <summary>
        /// Reads one answer. Throws OperationsApiException for a failure status (with the vendor's error) or a body
        /// that is not the documented page shape.
        /// </summary>
        Page<TItem> ReadPage(ApiRequest request, ApiResponse response);

        /// <summary>An item's identity, so a page served twice is noticed; null when items have none to compare.</summary>
        string? KeyOf(TItem item);
    }
}
