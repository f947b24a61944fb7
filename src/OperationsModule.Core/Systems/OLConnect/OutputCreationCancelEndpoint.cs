using System.Net.Http;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Validation;

namespace OperationsModule.Core.Systems.OLConnect
{
    /// <summary>POST .../outputcreation/cancel/{operationId}: 204 means the cancel was accepted.</summary>
    public sealed class OutputCreationCancelEndpoint : ICancelEndpoint
    {
        public static readonly OutputCreationCancelEndpoint Instance = new OutputCreationCancelEndpoint();

        public OperationsSystem System => OperationsSystem.OLConnect;

        public string Kind => "OutputCreationOperation";

        public string IdParameterName => "OperationId";

        public IErrorBodyParser ErrorParser => OlConnectErrorParser.Instance;

        public string ValidateId(string? raw) => IdValidator.Validate(IdParameterName, raw);

        public ApiRequest BuildRequest(OperationsSession session, string id, CancelArguments arguments) =>
            new ApiRequest(HttpMethod.Post, OlConnectPaths.Cancel(session.BaseUri, id));

        public bool IsSuccess(int statusCode) => statusCode == 204 || statusCode == 200;
    }
}
