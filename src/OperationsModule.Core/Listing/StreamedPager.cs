using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Engine;
using OperationsModule.Core.Http;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Listing
{
    /// <summary>
    /// Every item of a list call, page by page, as the pages arrive: the first items are handed out before the last
    /// page is read, and at most two pages are held (the one being handed out and the next, fetched meanwhile), so
    /// memory stays flat however long the list. Each page goes through the session's transport (authentication,
    /// retries, throttling). Enumerate on the pipeline thread: log lines of the requests are written from there.
    /// Throws OperationsApiException when a page fails, and PagingException when the server pages wrongly.
    /// </summary>
    internal sealed class StreamedPager<TItem> : IEnumerable<TItem>
    {
        /// <summary>The bound on pages when the server announces no total: far beyond any real list, short of forever.</summary>
        public const long DefaultMaximumPages = 100_000;

        private readonly IPageSource<TItem> _source;
        private readonly SendPipeline _transport;
        private readonly IOperationsOutput _output;
        private readonly CancellationToken _cancellationToken;

        public StreamedPager(IPageSource<TItem> source, SendPipeline transport, IOperationsOutput output, CancellationToken cancellationToken, long maximumPages = DefaultMaximumPages)
        {
            _source = source;
            _transport = transport;
            _output = output;
            _cancellationToken = cancellationToken;
            MaximumPages = maximumPages;
        }

        public long MaximumPages { get; }

        /// <summary>Pages read by the last enumeration (for verbose lines and tests).</summary>
        public long PagesRead { get; private set; }

        public IEnumerator<TItem> GetEnumerator()
        {
            var guard = new PagingGuard(_source.Style, _source.What, MaximumPages);
            var log = new DeferredLogSink(_output);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken);
            PagesRead = 0;
            Task<Fetched>? pending = FetchAsync(PageCursor.First, log, stop.Token);
            try
            {
                while (pending is not null)
                {
                    Fetched fetched;
                    try
                    {
                        fetched = pending.GetAwaiter().GetResult();
                    }
                    finally
                    {
                        log.Replay();
                    }
                    PagesRead++;
                    var page = fetched.Page;
                    var firstKey = page.Items.Count > 0 ? _source.KeyOf(page.Items[0]) : null;
                    guard.Accept(fetched.Cursor, fetched.Request, fetched.Response, page, firstKey);
                    PageCursor? next;
                    PagingException? brokenWayOn = null;
                    try
                    {
                        next = guard.Next(fetched.Cursor, fetched.Request, fetched.Response, page);
                    }
                    catch (PagingException ex)
                    {
                        next = null;
                        brokenWayOn = ex;
                    }
                    if (_output.IsVerboseEnabled)
                        _output.WriteVerbose($"Listing {_source.What}: page {PagesRead} gave {page.Items.Count} items ({guard.Items} so far{Announced(page)}){(next is null && brokenWayOn is null ? "; that was the last page" : string.Empty)}.");
                    // The next page travels while this one is handed out.
                    pending = next is null ? null : FetchAsync(next, log, stop.Token);
                    foreach (var item in page.Items)
                        yield return item;
                    if (brokenWayOn is not null) throw brokenWayOn;
                }
            }
            finally
            {
                // Abandoned early (Select-Object -First, Ctrl+C, an error downstream): the page in flight is not waited for.
                if (pending is not null)
                {
                    stop.Cancel();
                    pending.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
                }
            }
        }

        private static string Announced(Page<TItem> page) =>
            page.TotalElements is { } total ? $" of {total}" : string.Empty;

        private async Task<Fetched> FetchAsync(PageCursor cursor, ILogSink log, CancellationToken cancellationToken)
        {
            var request = _source.BuildRequest(cursor);
            var response = await _transport.SendAsync(request, log, cancellationToken).ConfigureAwait(false);
            return new Fetched(cursor, request, response, _source.ReadPage(request, response));
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private sealed class Fetched
        {
            public Fetched(PageCursor cursor, ApiRequest request, ApiResponse response, Page<TItem> page)
            {
                Cursor = cursor;
                Request = request;
                Response = response;
                Page = page;
            }

            public PageCursor Cursor { get; }

            public ApiRequest Request { get; }

            public ApiResponse Response { get; }

            public Page<TItem> Page { get; }
        }
    }
}
