using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using OperationsModule.Core.Auth;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Listing;
using OperationsModule.Core.Tests.Infrastructure;
using Xunit;

namespace OperationsModule.Core.Tests.Listing
{
    /// <summary>The streamed pager over real loopback HTTP: token and page-number paging, and servers that page wrongly.</summary>
    public sealed class StreamedPagerTests
    {
        private static string Json(string items, string rest = "") =>
            RawHttpListener.Answer(200, "{\"items\":[" + items + "]" + (rest.Length > 0 ? "," + rest : string.Empty) + "}", "application/json");

        private static string Query(RawRequest request, string name)
        {
            var path = request.Path;
            var at = path.IndexOf(name + "=", StringComparison.Ordinal);
            return at < 0 ? string.Empty : Uri.UnescapeDataString(path.Substring(at + name.Length + 1).Split('&')[0]);
        }

        private static (StreamedPager<string> Pager, RecordingOutput Output, SendPipeline Transport) Pager(RawHttpListener server, PagingStyle style, long maximumPages = StreamedPager<string>.DefaultMaximumPages)
        {
            var transport = new SendPipeline(new HttpOptions { MaximumRetryCount = 0 }, NoAuthenticator.Instance);
            var output = new RecordingOutput();
            return (new StreamedPager<string>(new ScriptedPageSource(server.BaseUri, style), transport, output, CancellationToken.None, maximumPages), output, transport);
        }

        [Fact]
        public async System.Threading.Tasks.Task Token_paging_follows_the_tokens_to_the_last_page()
        {
            await using var server = new RawHttpListener(request => Query(request, "token") switch
            {
                "" => Json("\"a\",\"b\"", "\"next\":\"t2\",\"last\":false"),
                "t2" => Json("\"c\"", "\"next\":\"t3\",\"last\":false"),
                _ => Json("\"d\"", "\"last\":true"),
            });
            var (pager, output, transport) = Pager(server, PagingStyle.Token);
            using (transport)
            {
                Assert.Equal(new[] { "a", "b", "c", "d" }, pager.ToList());
            }

            Assert.Equal(new[] { "/items", "/items?token=t2", "/items?token=t3" }, server.Requests.Select(r => r.Path));
            Assert.Equal(3, pager.PagesRead);
            Assert.Contains(output.Verbose, v => v.Contains("page 3 gave 1 items (4 so far); that was the last page"));
        }

        [Fact]
        public async System.Threading.Tasks.Task The_first_items_come_before_the_last_page_is_asked_for()
        {
            await using var server = new RawHttpListener(request =>
            {
                var page = Query(request, "page");
                var n = page.Length == 0 ? 1 : int.Parse(page);
                return Json($"\"i{n}\"", $"\"page\":{n},\"totalPages\":50");
            });
            var (pager, _, transport) = Pager(server, PagingStyle.PageNumber);
            using (transport)
            using (var items = pager.GetEnumerator())
            {
                Assert.True(items.MoveNext());
                Assert.Equal("i1", items.Current);
                // The first page and, at most, the next one fetched meanwhile.
                Assert.InRange(server.Requests.Count, 1, 2);
            }
        }

        [Fact]
        public async System.Threading.Tasks.Task Page_numbers_continue_from_the_number_the_first_page_gives_and_stop_at_the_announced_total()
        {
            // A server that counts pages from 0 and holds 5 items in pages of 2.
            await using var server = new RawHttpListener(request =>
            {
                var page = Query(request, "page");
                var n = page.Length == 0 ? 0 : int.Parse(page);
                var items = string.Join(",", Enumerable.Range(n * 2, 2).Where(i => i < 5).Select(i => $"\"x{i}\""));
                return Json(items, $"\"page\":{n},\"totalElements\":5,\"totalPages\":3");
            });
            var (pager, _, transport) = Pager(server, PagingStyle.PageNumber);
            using (transport)
            {
                Assert.Equal(new[] { "x0", "x1", "x2", "x3", "x4" }, pager.ToList());
            }

            Assert.Equal(new[] { "/items", "/items?page=1", "/items?page=2" }, server.Requests.Select(r => r.Path));
        }

        [Fact]
        public async System.Threading.Tasks.Task Without_totals_a_short_page_is_the_last()
        {
            await using var server = new RawHttpListener(request => Query(request, "page") switch
            {
                "" => Json("\"a\",\"b\"", "\"page\":1,\"pageSize\":2"),
                "2" => Json("\"c\",\"d\"", "\"page\":2,\"pageSize\":2"),
                _ => Json("\"e\"", "\"page\":3,\"pageSize\":2"),
            });
            var (pager, _, transport) = Pager(server, PagingStyle.PageNumber);
            using (transport)
            {
                Assert.Equal(new[] { "a", "b", "c", "d", "e" }, pager.ToList());
            }

            Assert.Equal(3, server.Requests.Count);
        }

        [Fact]
        public async System.Threading.Tasks.Task A_repeated_page_token_ends_the_list_with_a_clear_error_after_the_items_already_read()
        {
            await using var server = new RawHttpListener(request => Query(request, "token") switch
            {
                "" => Json("\"a\"", "\"next\":\"loop\",\"last\":false"),
                _ => Json($"\"{Guid.NewGuid():N}\"", "\"next\":\"loop\",\"last\":false"),
            });
            var (pager, _, transport) = Pager(server, PagingStyle.Token);
            var seen = new List<string>();
            using (transport)
            {
                var error = Assert.Throws<PagingException>(() => { foreach (var item in pager) seen.Add(item); });
                Assert.Equal(ErrorIds.UnexpectedResponse, error.ErrorId);
                Assert.Contains("the page token 'loop' was given before", error.Message);
                Assert.Contains("Listing scripted items stopped after 2 pages", error.Message);
            }

            Assert.Equal("a", seen[0]);
            Assert.Equal(2, server.Requests.Count);
        }

        [Fact]
        public async System.Threading.Tasks.Task A_server_that_ignores_the_page_number_is_refused_rather_than_emitting_a_page_twice()
        {
            await using var server = new RawHttpListener(_ => Json("\"a\",\"b\"", "\"page\":1,\"totalPages\":9"));
            var (pager, _, transport) = Pager(server, PagingStyle.PageNumber);
            using (transport)
            {
                var seen = new List<string>();
                var error = Assert.Throws<PagingException>(() => { foreach (var item in pager) seen.Add(item); });
                Assert.Contains("page 2 was asked for and page 1 came back", error.Message);
                Assert.Equal(new[] { "a", "b" }, seen);
            }
        }

        [Fact]
        public async System.Threading.Tasks.Task A_page_served_twice_under_a_new_number_is_refused()
        {
            await using var server = new RawHttpListener(request =>
            {
                var page = Query(request, "page");
                return Json("\"same\"", $"\"page\":{(page.Length == 0 ? "1" : page)},\"totalPages\":9");
            });
            var (pager, _, transport) = Pager(server, PagingStyle.PageNumber);
            using (transport)
            {
                var error = Assert.Throws<PagingException>(() => pager.ToList());
                Assert.Contains("starts with the same item ('same') as the page before", error.Message);
            }
        }

        [Fact]
        public async System.Threading.Tasks.Task A_list_that_never_ends_stops_at_the_page_bound()
        {
            var n = 0;
            await using var server = new RawHttpListener(_ => Json($"\"i{Interlocked.Increment(ref n)}\"", $"\"next\":\"t{n}\",\"last\":false"));
            var (pager, _, transport) = Pager(server, PagingStyle.Token, maximumPages: 5);
            using (transport)
            {
                var error = Assert.Throws<PagingException>(() => pager.ToList());
                Assert.Contains("5 pages were read and the server still offers more (the bound is 5 pages)", error.Message);
            }

            Assert.InRange(server.Requests.Count, 5, 6);
        }

        [Fact]
        public async System.Threading.Tasks.Task A_page_that_is_not_the_last_but_has_no_token_is_refused()
        {
            await using var server = new RawHttpListener(_ => Json("\"a\"", "\"last\":false"));
            var (pager, _, transport) = Pager(server, PagingStyle.Token);
            using (transport)
            {
                var error = Assert.Throws<PagingException>(() => pager.ToList());
                Assert.Contains("gives no token for the next one", error.Message);
            }
        }

        [Fact]
        public async System.Threading.Tasks.Task A_failed_page_is_the_vendor_error_not_a_paging_error()
        {
            await using var server = new RawHttpListener(request => Query(request, "token") == ""
                ? Json("\"a\"", "\"next\":\"t2\",\"last\":false")
                : RawHttpListener.Answer(500, "{\"errorCode\":\"BOOM\",\"message\":\"it broke\"}", "application/json"));
            var (pager, _, transport) = Pager(server, PagingStyle.Token);
            using (transport)
            {
                var error = Assert.Throws<OperationsApiException>(() => pager.ToList());
                Assert.IsNotType<PagingException>(error);
                Assert.Equal((ErrorIds.ServerError, 500), (error.ErrorId, error.StatusCode));
                Assert.Contains("it broke", error.Message);
            }
        }

        [Fact]
        public async System.Threading.Tasks.Task Stopping_early_does_not_read_the_rest()
        {
            await using var server = new RawHttpListener(request =>
            {
                var page = Query(request, "page");
                var n = page.Length == 0 ? 1 : int.Parse(page);
                return Json($"\"i{n}\"", $"\"page\":{n},\"totalPages\":1000");
            });
            var (pager, _, transport) = Pager(server, PagingStyle.PageNumber);
            using (transport)
            {
                Assert.Equal(new[] { "i1", "i2", "i3" }, pager.Take(3).ToList());
            }

            Assert.InRange(server.Requests.Count, 3, 4);
        }
    }
}
