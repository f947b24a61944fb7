using System;
using System.Collections.Generic;
using System.Net.Http;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Systems.BigChange;
using OperationsModule.Core.Systems.Onedata;
using OperationsModule.Core.Systems.Vcf;
using Xunit;

namespace OperationsModule.Core.Tests.Systems.Shared
{
    /// <summary>The three new parsers on bodies that are not their vendor's shape: never throw, and the failure still reads well.</summary>
    public sealed class ErrorParserOddBodyTests
    {
        public static readonly IEnumerable<object[]> Parsers = new[]
        {
            new object[] { "Onedata" }, new object[] { "Vcf" }, new object[] { "BigChange" },
        };

        public static readonly string[] OddBodies =
        {
            "", "   ", "<html><head><title>502 Bad Gateway</title></head></html>", "[]", "[1,2]", "{", "{\"error\": {\"id\": \"trunc",
            "null", "42", "\"just a string\"", "{}", "{\"error\":null}", "{\"error\":\"text\"}", "{\"error\":{\"id\":null,\"description\":null,\"details\":null,\"ctx\":null}}",
            "{\"errorCode\":null,\"message\":null,\"causes\":[null,1,{}],\"nestedErrors\":[null,\"x\",{\"nestedErrors\":{}}]}",
            "{\"type\":null,\"title\":null,\"detail\":null,\"errors\":null}", "{\"errors\":{\"\":null,\"a\":\"one\",\"b\":[1,null,\"two\"],\"c\":{}}}",
        };

        public static IEnumerable<object[]> Cases()
        {
            foreach (var parser in Parsers)
                foreach (var body in OddBodies)
                    yield return new[] { parser[0], body };
        }

        private static IErrorBodyParser Parser(string name) => name switch
        {
            "Onedata" => OnedataErrorParser.Instance,
            "Vcf" => VcfErrorParser.Instance,
            _ => ProblemDetailsParser.Instance,
        };

        private static ApiResponse Response(int status, string body, string? contentType = "application/json") =>
            new ApiResponse(status, null, new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase), body, contentType, new Uri("https://server.example/x"), TimeSpan.Zero, 1);

        [Theory]
        [MemberData(nameof(Cases))]
        public void Odd_bodies_never_throw_and_still_give_a_failure_message(string parser, string body)
        {
            var response = Response(500, body);

            var vendor = Parser(parser).Parse(response);
            var exception = FailureBuilder.FromResponse(new ApiRequest(HttpMethod.Post, response.RequestUri), response, Parser(parser), "Cancelling x failed");
            var failure = new Failure(exception, "x");

            Assert.StartsWith("Cancelling x failed: POST https://server.example/x answered 500", exception.Message);
            Assert.False(string.IsNullOrWhiteSpace(failure.DetailsMessage));
            Assert.Equal(ErrorIds.ServerError, failure.ErrorId);
            if (vendor?.Message is { } message) Assert.False(string.IsNullOrWhiteSpace(message));
        }

        [Fact]
        public void An_unrecognised_object_is_not_mistaken_for_the_vendor_shape()
        {
            var response = Response(500, "{\"foo\":\"bar\"}");

            Assert.Null(OnedataErrorParser.Instance.Parse(response));
            Assert.Null(VcfErrorParser.Instance.Parse(response));
            Assert.Null(ProblemDetailsParser.Instance.Parse(response));
        }

        [Fact]
        public void Onedata_null_fields_give_a_vendor_error_without_code_or_override()
        {
            var vendor = OnedataErrorParser.Instance.Parse(Response(400, "{\"error\":{\"id\":null,\"description\":null,\"details\":null,\"ctx\":null}}"))!;

            Assert.Null(vendor.Code);
            Assert.Null(vendor.ErrorIdOverride);
            Assert.Empty(vendor.Details);
        }

        [Fact]
        public void Problem_field_errors_accept_strings_arrays_nulls_and_objects()
        {
            var vendor = ProblemDetailsParser.Instance.Parse(Response(422, "{\"errors\":{\"\":null,\"a\":\"one\",\"b\":[1,null,\"two\"],\"c\":{}}}"))!;

            Assert.Empty(vendor.FieldErrors["(body)"]);
            Assert.Equal(new[] { "one" }, vendor.FieldErrors["a"]);
            Assert.Equal(new[] { "1", "two" }, vendor.FieldErrors["b"]);
            Assert.Equal(new[] { "{}" }, vendor.FieldErrors["c"]);
        }

        [Fact]
        public void A_problem_pointing_at_an_errors_property_it_lacks_is_worded_by_its_title()
        {
            var vendor = ProblemDetailsParser.Instance.Parse(Response(422, "{\"title\":\"Job cannot be cancelled.\",\"detail\":\"Please refer to the errors property for additional details.\"}"))!;

            Assert.Equal("Job cannot be cancelled.", vendor.Message);
            Assert.Null(vendor.Remediation);
        }

        [Fact]
        public void Vcf_nested_errors_are_capped_in_depth()
        {
            var body = "{\"errorCode\":\"E0\",\"message\":\"m\"";
            for (var i = 1; i <= 10; i++) body += ",\"nestedErrors\":[{\"errorCode\":\"E" + i + "\",\"message\":\"m" + i + "\"";
            for (var i = 1; i <= 10; i++) body += "}]";
            body += "}";

            var vendor = VcfErrorParser.Instance.Parse(Response(500, body))!;

            Assert.Contains("E4: m4", vendor.Details["nestedErrors"]);
            Assert.DoesNotContain("E5", vendor.Details["nestedErrors"]);
        }

        [Theory]
        [InlineData("tokenCaveatUnverified", ErrorIds.Unauthorized)]
        [InlineData("badToken", ErrorIds.Unauthorized)]
        [InlineData("atmWorkflowExecutionEnded", ErrorIds.Conflict)]
        [InlineData("notFound", null)]
        [InlineData("forbidden", null)]
        public void Onedata_ids_that_decide_the_error_id(string id, string? expected)
        {
            var vendor = OnedataErrorParser.Instance.Parse(Response(400, "{\"error\":{\"id\":\"" + id + "\",\"description\":\"d\"}}"))!;

            Assert.Equal(expected, vendor.ErrorIdOverride);
        }
    }
}
