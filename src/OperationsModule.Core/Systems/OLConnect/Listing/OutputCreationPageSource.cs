using OperationsModule.Core.Http;
using OperationsModule.Core.Listing;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Systems.OLConnect.Listing
{
    /// <summary>GET getOperations: the whole list in one answer (OL Connect does not page it), so one page that is the last.</summary>
    internal sealed class OutputCreationPageSource : IPageSource<OutputCreation>
    {
        private readonly ResolvedConnection _connection;

        public OutputCreationPageSource(ResolvedConnection connection) => _connection = connection;

        public PagingStyle Style => PagingStyle.PageNumber;

        public string What => "OL Connect output creation operations";

        public ApiRequest BuildRequest(PageCursor cursor) => OutputCreationListClient.BuildList(_connection.Session.BaseUri);

        public Page<OutputCreation> ReadPage(ApiRequest request, ApiResponse response) =>
            new Page<OutputCreation>(OutputCreationListClient.ReadList(request, response, _connection)) { IsLast = true };

        public string? KeyOf(OutputCreation item) => item.OperationId;
    }
}
