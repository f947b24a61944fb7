using System.Net.Http;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Validation;

namespace OperationsModule.Core.Systems.Onedata
{
    /// <summary>POST .../automation/execution/workflows/{wid}/cancel: 204 means the cancel was initiated.</summary>
    public sealed class WorkflowExecutionCancelEndpoint : ICancelEndpoint
    {
        public static readonly WorkflowExecutionCancelEndpoint Instance = new WorkflowExecutionCancelEndpoint();

        public OperationsSystem System => OperationsSystem.Onedata;

        public string Kind => "WorkflowExecution";

        public string IdParameterName => "ExecutionId";

        public IErrorBodyParser ErrorParser => OnedataErrorParser.Instance;

        public string ValidateId(string? raw) => IdValidator.Validate(IdParameterName, raw);

        public ApiRequest BuildRequest(OperationsSession session, string id, CancelArguments arguments) =>
            new ApiRequest(HttpMethod.Post, OnedataPaths.Cancel(session.BaseUri, id));

        public bool IsSuccess(int statusCode) => statusCode == 204;
    }
}
