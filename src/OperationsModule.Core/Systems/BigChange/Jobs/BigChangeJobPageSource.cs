using System.Text.Json;
using OperationsModule.Core.Http;
using OperationsModule.Core.Listing;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Systems.BigChange.Jobs
{
    /// <summary>
    /// GET /v1/jobs page by page: pageNumber from 1, no total in the answer, so a page shorter than the page size
    /// (or an empty one) is the last. The range and statuses are filtered on the server.
    /// </summary>
    internal sealed class BigChangeJobPageSource : IPageSource<BigChangeJob>
    {
        private static readonly JsonAnswer Answer = new JsonAnswer("Listing BigChange jobs failed", ProblemDetailsParser.Instance,
            "the page envelope {items, pageNumber, pageSize, pageItemCount} of jobs with a numeric id", BigChangeProfile.WrongServerAdvice);

        private readonly BigChangeJobQuery _query;
        private readonly ResolvedConnection _connection;
        private readonly long _customerId;

        public BigChangeJobPageSource(BigChangeJobQuery query, ResolvedConnection connection, long customerId)
        {
            _query = query;
            _connection = connection;
            _customerId = customerId;
        }

        public PagingStyle Style => PagingStyle.PageNumber;

        public string What => "BigChange jobs";

        public ApiRequest BuildRequest(PageCursor cursor) =>
            _query.BuildPageRequest(_connection.Session.BaseUri, cursor.Number ?? 1, _customerId);

        public Page<BigChangeJob> ReadPage(ApiRequest request, ApiResponse response) =>
            Answer.ReadPage(request, response, "items", job => BigChangeJobJson.Read(job, _customerId, _connection), ReadPaging);

        public string? KeyOf(BigChangeJob item) => item.JobId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        private void ReadPaging(JsonElement root, Page<BigChangeJob> page)
        {
            page.PageNumber = BigChangeJobJson.Long(root, "pageNumber");
            // A server that does not echo its page size used the one asked for.
            page.PageSize = (int?)BigChangeJobJson.Long(root, "pageSize") ?? _query.PageSize;
        }
    }
}
