using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using OperationsModule.Core.Http;
using OperationsModule.Core.Listing;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Systems.Onedata
{
    /// <summary>
    /// GET /spaces/{sid}/automation/execution/workflows?phase=: execution IDs only, following nextPageToken until
    /// isLast. limit is the API's maximum (1000); a server may return fewer, which changes nothing here.
    /// </summary>
    internal sealed class WorkflowExecutionPageSource : IPageSource<string>
    {
        public const int Limit = 1000;

        private static readonly JsonAnswer Answer = new JsonAnswer("Listing Onedata workflow executions failed", OnedataErrorParser.Instance,
            "an object with an 'atmWorkflowExecutions' array of IDs", OnedataProfile.WrongServerAdvice);

        private readonly ResolvedConnection _connection;
        private readonly string _spaceId;
        private readonly string _phase;

        public WorkflowExecutionPageSource(ResolvedConnection connection, string spaceId, string phase)
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

        public Page<string> ReadPage(ApiRequest request, ApiResponse response) =>
            Answer.ReadPage(request, response, "atmWorkflowExecutions", ReadId, ReadPaging);

        public string? KeyOf(string item) => item;

        /// <summary>Null when the element is not a non-empty string (not an execution ID).</summary>
        private static string? ReadId(JsonElement id) =>
            id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } text ? text : null;

        private static void ReadPaging(JsonElement root, Page<string> page)
        {
            page.IsLast = JsonFields.Flag(root, "isLast");
            page.NextToken = JsonFields.Text(root, "nextPageToken");
        }
    }
}
