using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Waiting;

namespace OperationsModule.Core.Systems.OLConnect.Listing
{
    /// <summary>
    /// Stop-OutputCreation -Wait: GET getProgress/{id} until the operation is gone or done. OL Connect has no
    /// "cancelled" state: a cancelled operation leaves the list and getProgress answers 404 (api-reference.md §6),
    /// so after an accepted cancel a 404 means the cancel took effect, while "done" means it finished first.
    /// </summary>
    internal sealed class OutputCreationStateReader : ItemStateReader
    {
        public static readonly OutputCreationStateReader Instance = new OutputCreationStateReader();

        private static readonly ItemState Gone = new ItemState(OutputCreationStatus.Cancelled, isFinal: true, isCancelled: true);

        private OutputCreationStateReader()
            : base(OperationsSystem.OLConnect, "OutputCreationOperation", OlConnectErrorParser.Instance)
        {
        }

        public override ApiRequest BuildRequest(OperationsSession session, string id) => OutputCreationListClient.BuildGet(session.BaseUri, id);

        public override string ReadAgainCommand(string id, CommandNames names) => $"{names.Named("Get", "OutputCreation")} -OperationId '{id.Replace("'", "''")}'";

        protected override ItemState ParseState(ApiRequest request, ApiResponse response, string id)
        {
            if (!ProgressReading.TryParse(response.Body, out var reading))
                throw OutputCreationListClient.UnexpectedProgress(request, response, id);
            return reading.IsDone
                ? new ItemState(OutputCreationStatus.Completed, isFinal: true, isCancelled: false)
                : new ItemState(OutputCreationStatus.Running, isFinal: false, isCancelled: false);
        }

        /// <summary>The cancel was accepted, so the server dropping the operation is the cancel taking effect.</summary>
        protected override ItemState? WhenGone(ItemState? previous) => Gone;
    }
}
