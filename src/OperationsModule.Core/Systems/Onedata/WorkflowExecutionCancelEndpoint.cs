using System.Net.Http;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Http;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Systems.Onedata
{
    /// <summary>POST .../automation/execution/workflows/{wid}/cancel: 204 means the cancel was initiated.</summary>
    internal sealed class WorkflowExecutionCancelEndpoint : CancelEndpoint
    {
        public static readonly WorkflowExecutionCancelEndpoint Instance = new WorkflowExecutionCancelEndpoint();

        private WorkflowExecutionCancelEndpoint()
            : base(OperationsSystem.Onedata, "WorkflowExecution", "ExecutionId", OnedataErrorParser.Instance, 204)
        {
        }

        public override ApiRequest BuildRequest(OperationsSession session, string id, CancelArguments arguments) =>
            new ApiRequest(HttpMethod.Post, OnedataPaths.Cancel(session.BaseUri, id));
    }
}
