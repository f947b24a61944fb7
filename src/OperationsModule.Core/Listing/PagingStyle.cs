namespace OperationsModule.Core.Listing
{
    /// <summary>How a list call moves from page to page.</summary>
    internal enum PagingStyle
    {
        /// <summary>The answer carries the next page's token and says when it is the last (Onedata).</summary>
        Token,

        /// <summary>The client asks for page n+1 (VCF, BigChange); the answer may announce totals.</summary>
        PageNumber,
    }
}
