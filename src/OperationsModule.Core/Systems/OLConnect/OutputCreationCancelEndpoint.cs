using System.Net.Http;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Http;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Systems.OLConnect
{
    /// <summary>POST .../outputcreation/cancel/{operationId}: 204 means the cancel was accepted.</summary>
    internal sealed class OutputCreationCancelEndpoint : CancelEndpoint
    {
        public static readonly OutputCreationCancelEndpoint Instance = new OutputCreationCancelEndpoint();

        private OutputCreationCancelEndpoint()
            : base(OperationsSystem.OLConnect, "OutputCreationOperation", "OperationId", OlConnectErrorParser.Instance, 204, 200)
        {
        }

        public override ApiRequest BuildRequest(OperationsSession session, string id, CancelArguments arguments) =>
            new ApiRequest(HttpMethod.Post, OlConnectPaths.Cancel(session.BaseUri, id));
    }
}
