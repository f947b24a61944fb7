using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Listing;
using OperationsModule.Core.Systems.Vcf;

namespace OperationsModule.Core.Tests.Listing
{
    /// <summary>
    /// A system-neutral list call for the pager's own tests: GET /items?token=|page= answered by a scripted loopback
    /// server with {"items":[..],"next":..,"last":..,"page":..,"totalPages":..,"totalElements":..,"pageSize":..}.
    /// </summary>
    internal sealed class ScriptedPageSource : IPageSource<string>
    {
        private readonly Uri _baseUri;

        public ScriptedPageSource(Uri baseUri, PagingStyle style)
        {
            _baseUri = baseUri;
            Style = style;
        }

        public PagingStyle Style { get; }

        public string What => "scripted items";

        public ApiRequest BuildRequest(PageCursor cursor)
        {
            var query = cursor.Token is not null ? "?token=" + Uri.EscapeDataString(cursor.Token) : cursor.Number is { } n ? "?page=" + n : string.Empty;
            return new ApiRequest(HttpMethod.Get, new Uri(_baseUri, "items" + query));
        }

        public Page<string> ReadPage(ApiRequest request, ApiResponse response)
        {
            if (!response.IsSuccess) throw FailureBuilder.FromResponse(request, response, VcfErrorParser.Instance, "Listing scripted items failed");
            using var doc = JsonDocument.Parse(response.Body);
            var root = doc.RootElement;
            return new Page<string>(root.GetProperty("items").EnumerateArray().Select(i => i.GetString()!).ToList())
            {
                NextToken = Text(root, "next"),
                IsLast = root.TryGetProperty("last", out var last) && last.ValueKind is JsonValueKind.True or JsonValueKind.False ? last.GetBoolean() : null,
                PageNumber = Number(root, "page"),
                TotalPages = Number(root, "totalPages"),
                TotalElements = Number(root, "totalElements"),
                PageSize = (int?)Number(root, "pageSize"),
            };
        }

        public string? KeyOf(string item) => item;

        private static string? Text(JsonElement o, string name) => o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static long? Number(JsonElement o, string name) => o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null;
    }
}
