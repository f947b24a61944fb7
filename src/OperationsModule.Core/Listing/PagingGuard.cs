using System.Collections.Generic;
using OperationsModule.Core.Http;

namespace OperationsModule.Core.Listing
{
    /// <summary>
    /// Decides, page by page, whether to go on, stop, or refuse the server: a repeated page token, a page number
    /// answered twice (or not the one asked for), a page served twice, a missing way on, or more pages than the
    /// first page announced (or than <see cref="MaximumPages"/> when it announced nothing).
    /// </summary>
    internal sealed class PagingGuard
    {
        private readonly PagingStyle _style;
        private readonly string _what;
        private readonly long _maximumPages;
        private readonly HashSet<string> _tokens = new HashSet<string>(System.StringComparer.Ordinal);
        private readonly HashSet<long> _numbers = new HashSet<long>();
        private string? _previousFirstKey;
        private long _pages;
        private long _items;
        private long? _announcedElements;
        private long? _announcedPages;

        public PagingGuard(PagingStyle style, string what, long maximumPages)
        {
            _style = style;
            _what = what;
            _maximumPages = maximumPages;
        }

        public long Pages => _pages;

        public long Items => _items;

        /// <summary>
        /// Checks the page itself, before its items are handed out: a page answered under another number, or served
        /// twice, must not be (its items would come out twice). Throws PagingException.
        /// </summary>
        public void Accept<TItem>(PageCursor asked, ApiRequest request, ApiResponse response, Page<TItem> page, string? firstKey)
        {
            _pages++;
            if (_pages == 1)
            {
                _announcedElements = page.TotalElements;
                _announcedPages = page.TotalPages;
            }
            if (_style == PagingStyle.PageNumber && page.PageNumber is { } number)
            {
                if (asked.Number is { } wanted && number != wanted)
                    throw Refuse($"page {wanted} was asked for and page {number} came back", request, response);
                if (!_numbers.Add(number))
                    throw Refuse($"page {number} came back twice", request, response);
            }
            if (firstKey is not null && _previousFirstKey is not null && firstKey == _previousFirstKey)
                throw Refuse($"the answer to {asked} starts with the same item ('{firstKey}') as the page before: the server served one page twice", request, response);
            _previousFirstKey = firstKey;
            _items += page.Items.Count;
        }

        /// <summary>
        /// The cursor of the next page, or null when this one was the last. Throws PagingException when the way on is
        /// broken (a repeated or missing token, no end in sight): the page's own items are sound and go out first.
        /// </summary>
        public PageCursor? Next<TItem>(PageCursor asked, ApiRequest request, ApiResponse response, Page<TItem> page) =>
            _style == PagingStyle.Token ? NextByToken(request, response, page) : NextByNumber(asked, request, response, page);

        private PageCursor? NextByToken<TItem>(ApiRequest request, ApiResponse response, Page<TItem> page)
        {
            if (page.IsLast == true) return null;
            if (string.IsNullOrEmpty(page.NextToken))
            {
                // No token and no "last" flag: nothing to continue with. An empty answer ends the list; items without a way on are a broken answer.
                if (page.IsLast is null) return null;
                throw Refuse("the page says it is not the last but gives no token for the next one", request, response);
            }
            if (!_tokens.Add(page.NextToken!))
                throw Refuse($"the page token '{Shorten(page.NextToken!)}' was given before: following it would loop forever", request, response);
            CheckBound(request, response);
            return PageCursor.ForToken(page.NextToken!);
        }

        private PageCursor? NextByNumber<TItem>(PageCursor asked, ApiRequest request, ApiResponse response, Page<TItem> page)
        {
            if (page.Items.Count == 0 || page.IsLast == true) return null;
            if (_announcedElements is { } total && _items >= total) return null;
            if (_announcedPages is { } pages && _pages >= pages) return null;
            // Without totals (BigChange), a page shorter than the page size is the last.
            if (_announcedElements is null && _announcedPages is null && page.PageSize is { } size && page.Items.Count < size) return null;
            CheckBound(request, response);
            var current = page.PageNumber ?? asked.Number ?? 1;
            return PageCursor.ForNumber(current + 1);
        }

        private void CheckBound(ApiRequest request, ApiResponse response)
        {
            var bound = _announcedPages ?? _maximumPages;
            if (_pages >= bound)
            {
                var why = _announcedPages is null
                    ? $"{_pages} pages were read and the server still offers more (the bound is {_maximumPages} pages)"
                    : $"the first page announced {_announcedPages} pages and the server offers more after page {_pages}";
                throw Refuse(why, request, response);
            }
        }

        private PagingException Refuse(string why, ApiRequest request, ApiResponse response) =>
            new PagingException($"Listing {_what} stopped after {_pages} pages and {_items} items handed out: {why} ({request.Describe()}).", request, response.StatusCode);

        private static string Shorten(string token) => token.Length <= 40 ? token : token.Substring(0, 40) + "…";
    }
}
