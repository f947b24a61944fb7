using OperationsModule.Core.Http;
using OperationsModule.Core.Listing;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Validation;

namespace OperationsModule.Core.Systems.OLConnect.Listing
{
    /// <summary>Get-OutputCreation -OperationId: GET getProgress/{id} (a percentage or "done"; 404 once the operation left the list).</summary>
    internal sealed class OutputCreationItemReader : IItemReader<OutputCreation>
    {
        public static readonly OutputCreationItemReader Instance = new OutputCreationItemReader();

        public string What => "OL Connect output creation operation";

        public string ValidateId(string? raw) => IdValidator.Validate("OperationId", raw);

        public ApiRequest BuildRequest(OperationsSession session, string id) => OutputCreationListClient.BuildGet(session.BaseUri, id);

        public OutputCreation Read(ApiRequest request, ApiResponse response, ResolvedConnection connection) =>
            OutputCreationListClient.ReadProgress(request, response, System.Uri.UnescapeDataString(request.Uri.Segments[request.Uri.Segments.Length - 1]), connection);
    }
}
