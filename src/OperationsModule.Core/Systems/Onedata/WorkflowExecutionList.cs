using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Listing;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Systems.Onedata
{
    /// <summary>
    /// GET /spaces/{sid}/automation/execution/workflows?phase=: execution IDs only, following nextPageToken until
    /// isLast. limit is the API's maximum (1000); a server may return fewer, which changes nothing here.
    /// </summary>
    internal sealed class WorkflowExecutionList : IPageSource<string>
    {
        public const int Limit = 1000;

        private readonly ResolvedConnection _connection;
        private readonly string _spaceId;
        private readonly string _phase;

        public WorkflowExecutionList(ResolvedConnection connection, string spaceId, string phase)
        {
            _connection = connection;
            _spaceId = spaceId;
            _phase = phase;
        }

        public PagingStyle Style => PagingStyle.Token;

        public string What => $"Onedata workflow executions of space '{_spaceId}' ({_phase})";

        public ApiRequest BuildRequest(PageCursor cursor) =>
            new ApiRequest(HttpMethod.Get, QueryString.Append(OnedataPaths.SpaceExecutions(_connection.Session.BaseUri, _spaceId), new[]
            {
                new KeyValuePair<string, string?>("phase", _phase),
                new KeyValuePair<string, string?>("limit", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new KeyValuePair<string, string?>("token", cursor.Token),
            }));

        public Page<string> ReadPage(ApiRequest request, ApiResponse response)
        {
            if (response.StatusCode != 200) throw FailureBuilder.FromResponse(request, response, OnedataErrorParser.Instance, "Listing Onedata workflow executions failed");
            try
            {
                using var document = JsonDocument.Parse(response.Body);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("atmWorkflowExecutions", out var ids) || ids.ValueKind != JsonValueKind.Array)
                    throw NotAPage(request, response);
                var items = new List<string>(ids.GetArrayLength());
                foreach (var id in ids.EnumerateArray())
                    items.Add(id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } text ? text : throw NotAPage(request, response));
                return new Page<string>(items)
                {
                    IsLast = JsonFields.Flag(root, "isLast"),
                    NextToken = JsonFields.Text(root, "nextPageToken"),
                };
            }
            catch (JsonException)
            {
                throw NotAPage(request, response);
            }
        }

        public string? KeyOf(string item) => item;

        private static OperationsApiException NotAPage(ApiRequest request, ApiResponse response) =>
            FailureBuilder.UnexpectedShape($"Listing Onedata workflow executions failed: {request.Describe()} answered 200, but not with an 'atmWorkflowExecutions' array of IDs.", request, response,
                "Check that -BaseUri points at the Oneprovider that supports the space (a proxy or login page may be answering).");
    }
}
