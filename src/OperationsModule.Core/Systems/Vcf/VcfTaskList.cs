using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Listing;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Systems.Vcf
{
    /// <summary>
    /// GET /v1/tasks, every page: pageSize 100 (the API's maximum); the first page is asked without pageNumber and its
    /// pageMetadata.pageNumber says where numbering starts (0 or 1 is undocumented); the next is that number + 1, until
    /// totalElements items or totalPages pages are read, or a page is empty.
    /// </summary>
    internal sealed class VcfTaskList : IPageSource<SddcManagerTask>
    {
        public const int PageSize = 100;

        private readonly ResolvedConnection _connection;
        private readonly VcfTaskFilter _filter;
        private readonly int _pageSize;

        public VcfTaskList(ResolvedConnection connection, VcfTaskFilter filter, int pageSize = PageSize)
        {
            _connection = connection;
            _filter = filter;
            _pageSize = pageSize;
        }

        public PagingStyle Style => PagingStyle.PageNumber;

        public string What => "VCF tasks";

        public ApiRequest BuildRequest(PageCursor cursor)
        {
            var query = new List<KeyValuePair<string, string?>>
            {
                new KeyValuePair<string, string?>("taskStatus", _filter.ServerStatus),
                new KeyValuePair<string, string?>("taskType", _filter.Type),
                new KeyValuePair<string, string?>("taskName", _filter.Name),
                new KeyValuePair<string, string?>("pageSize", _pageSize.ToString(CultureInfo.InvariantCulture)),
                new KeyValuePair<string, string?>("pageNumber", cursor.Number?.ToString(CultureInfo.InvariantCulture)),
            };
            var request = new ApiRequest(HttpMethod.Get, QueryString.Append(VcfPaths.Tasks(_connection.Session.BaseUri), query));
            request.Headers["Accept"] = "application/json";
            return request;
        }

        public Page<SddcManagerTask> ReadPage(ApiRequest request, ApiResponse response)
        {
            if (response.StatusCode != 200) throw FailureBuilder.FromResponse(request, response, VcfErrorParser.Instance, "Listing VCF tasks failed");
            try
            {
                using var document = JsonDocument.Parse(response.Body);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("elements", out var elements) || elements.ValueKind != JsonValueKind.Array)
                    throw NotAPage(request, response);
                var items = new List<SddcManagerTask>(elements.GetArrayLength());
                foreach (var element in elements.EnumerateArray())
                    items.Add(VcfTaskJson.Read(element, _connection) ?? throw NotAPage(request, response));
                var meta = root.TryGetProperty("pageMetadata", out var m) ? m : default;
                return new Page<SddcManagerTask>(items)
                {
                    PageNumber = JsonFields.Number(meta, "pageNumber"),
                    PageSize = (int?)JsonFields.Number(meta, "pageSize"),
                    TotalElements = JsonFields.Number(meta, "totalElements"),
                    TotalPages = JsonFields.Number(meta, "totalPages"),
                };
            }
            catch (JsonException)
            {
                throw NotAPage(request, response);
            }
        }

        public string? KeyOf(SddcManagerTask item) => item.TaskId;

        private static OperationsApiException NotAPage(ApiRequest request, ApiResponse response) =>
            FailureBuilder.UnexpectedShape($"Listing VCF tasks failed: {request.Describe()} answered 200, but not with a PageOfTask (an object with an 'elements' array of tasks with an id).", request, response,
                "Check that -BaseUri points at SDDC Manager (a proxy or login page may be answering).");
    }
}
