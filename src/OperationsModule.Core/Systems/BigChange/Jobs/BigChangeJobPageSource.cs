using OperationsModule.Core.Errors;
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

        public Page<BigChangeJob> ReadPage(ApiRequest request, ApiResponse response)
        {
            if (response.StatusCode != 200)
                throw FailureBuilder.FromResponse(request, response, ProblemDetailsParser.Instance, "Listing BigChange jobs failed");
            var (jobs, number, size) = BigChangeJobReader.ReadPage(request, response, _customerId, _connection);
            // A server that does not echo its page size used the one asked for.
            return new Page<BigChangeJob>(jobs) { PageNumber = number, PageSize = size ?? _query.PageSize };
        }

        public string? KeyOf(BigChangeJob item) => item.JobId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
