using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Listing;
using OperationsModule.Core.Systems.Onedata;
using Xunit;

namespace OperationsModule.Core.Tests.Listing
{
    /// <summary>
    /// The frame every JSON read and list call shares: a failure status is the vendor's error, and any 200 that is not
    /// the documented shape is one UnexpectedResponse naming the shape, never a parser exception or the body's text.
    /// </summary>
    public sealed class JsonAnswerTests
    {
        private const string Advice = "Check -BaseUri.";

        private static readonly JsonAnswer Answer = new JsonAnswer("Listing things failed", OnedataErrorParser.Instance, "an object with a 'things' array", Advice);

        private static readonly ApiRequest Request = new ApiRequest(HttpMethod.Get, new Uri("https://server.example/things"));

        private static ApiResponse Response(int status, string body, string contentType = "application/json") =>
            new ApiResponse(status, null, new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase), body, contentType, Request.Uri, TimeSpan.Zero, 1);

        private static string? Name(JsonElement thing) => JsonFields.Text(thing, "name");

        private static Page<string> ReadPage(ApiResponse response) =>
            Answer.ReadPage(Request, response, "things", Name, (root, page) => page.NextToken = JsonFields.Text(root, "next"));

        [Fact]
        public void A_page_reads_each_item_and_the_paging_fields()
        {
            var page = ReadPage(Response(200, "{\"things\":[{\"name\":\"a\"},{\"name\":\"b\"}],\"next\":\"t2\"}"));

            Assert.Equal(new[] { "a", "b" }, page.Items);
            Assert.Equal("t2", page.NextToken);
        }

        [Fact]
        public void A_failure_status_is_the_vendors_error_not_a_shape_complaint()
        {
            var failure = Assert.ThrowsAny<OperationsApiException>(() =>
                ReadPage(Response(404, "{\"error\":{\"id\":\"notFound\",\"description\":\"The resource could not be found.\"}}")));

            Assert.Equal(404, failure.StatusCode);
            Assert.Equal(ErrorIds.NotFound, failure.ErrorId);
            Assert.StartsWith("Listing things failed", failure.Message, StringComparison.Ordinal);
            Assert.Contains("The resource could not be found.", failure.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("{\"things\":{}}", "a JSON object with 1 field")]
        [InlineData("{\"other\":[]}", "a JSON object with 1 field")]
        [InlineData("[{\"name\":\"a\"}]", "a JSON array of 1 item")]
        [InlineData("{\"things\":[{\"name\":\"a\"},{\"id\":7}]}", "a JSON object with 1 field")]
        public void A_200_of_another_JSON_shape_names_the_shape_expected(string body, string shape)
        {
            var failure = Assert.ThrowsAny<OperationsApiException>(() => ReadPage(Response(200, body)));

            Assert.Equal(ErrorIds.UnexpectedResponse, failure.ErrorId);
            Assert.Equal(200, failure.StatusCode);
            Assert.Equal(Advice, failure.RecommendedAction);
            Assert.Equal($"Listing things failed: GET https://server.example/things answered 200 with {shape}, not an object with a 'things' array.", failure.Message);
        }

        [Theory]
        [InlineData("<html><body>Sign in: secret-echo</body></html>")]
        [InlineData("{\"things\":[")]
        [InlineData("")]
        public void A_200_that_is_not_JSON_says_so_without_quoting_the_body(string body)
        {
            var failure = Assert.ThrowsAny<OperationsApiException>(() => Answer.ReadObject(Request, Response(200, body, "text/html"), Name));

            Assert.Equal(ErrorIds.UnexpectedResponse, failure.ErrorId);
            Assert.Contains("not JSON (an object with a 'things' array)", failure.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("secret-echo", failure.Message, StringComparison.Ordinal);
            Assert.Null(failure.RawBody);
        }

        [Fact]
        public void An_object_the_reader_does_not_recognise_is_the_wrong_shape_and_one_it_does_is_read()
        {
            Assert.Equal("a", Answer.ReadObject(Request, Response(200, "{\"name\":\"a\"}"), Name));
            var failure = Assert.ThrowsAny<OperationsApiException>(() => Answer.ReadObject(Request, Response(200, "{\"id\":1}"), Name));
            Assert.Equal(ErrorIds.UnexpectedResponse, failure.ErrorId);
        }

        [Fact]
        public void A_list_that_is_the_root_array_reads_each_item_and_refuses_an_envelope_or_a_stranger()
        {
            Assert.Equal(new[] { "a", "b" }, Answer.ReadArray(Request, Response(200, "[{\"name\":\"a\"},{\"name\":\"b\"}]"), Name));

            var envelope = Assert.ThrowsAny<OperationsApiException>(() => Answer.ReadArray(Request, Response(200, "{\"things\":[]}"), Name));
            var stranger = Assert.ThrowsAny<OperationsApiException>(() => Answer.ReadArray(Request, Response(200, "[{\"name\":\"a\"},7]"), Name));

            Assert.Contains("with a JSON object with 1 field, not an object", envelope.Message, StringComparison.Ordinal);
            Assert.Contains("with a JSON array of 2 items, not an object", stranger.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void ReadRoot_leaves_the_status_to_the_caller()
        {
            Assert.Equal("a", Answer.ReadRoot(Request, Response(202, "{\"name\":\"a\"}"), Name));
            Assert.ThrowsAny<OperationsApiException>(() => Answer.ReadObject(Request, Response(202, "{\"name\":\"a\"}"), Name));
        }
    }
}
