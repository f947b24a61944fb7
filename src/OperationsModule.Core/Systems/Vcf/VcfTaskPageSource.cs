using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
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
    internal sealed class VcfTaskPageSource : IPageSource<SddcManagerTask>
    {
        public const int PageSize = 100;

        private static readonly JsonAnswer Answer = new JsonAnswer("Listing VCF tasks failed", VcfErrorParser.Instance,
            "a PageOfTask (an object with an 'elements' array of tasks with an id)", VcfProfile.WrongServerAdvice);

        private readonly ResolvedConnection _connection;
        private readonly VcfTaskFilter _filter;
        private readonly int _pageSize;

        public VcfTaskPageSource(ResolvedConnection connection, VcfTaskFilter filter, int pageSize = PageSize)
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

        public Page<SddcManagerTask> ReadPage(ApiRequest request, ApiResponse response) =>
            Answer.ReadPage(request, response, "elements", task => VcfTaskJson.Read(task, _connection), ReadPageMetadata);

        public string? KeyOf(SddcManagerTask item) => item.TaskId;

        private static void ReadPageMetadata(JsonElement root, Page<SddcManagerTask> page)
        {
            var meta = root.TryGetProperty("pageMetadata", out var m) ? m : default;
            page.PageNumber = JsonFields.Number(meta, "pageNumber");
            page.PageSize = (int?)JsonFields.Number(meta, "pageSize");
            page.TotalElements = JsonFields.Number(meta, "totalElements");
            page.TotalPages = JsonFields.Number(meta, "totalPages");
        }
    }
}
