using System.Text.Json;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Listing;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Waiting;

namespace OperationsModule.Core.Systems.Onedata
{
    /// <summary>Stop-WorkflowExecution -Wait: the execution's details until its phase is ended; cancelled is the cancel taking effect.</summary>
    internal sealed class WorkflowExecutionStateReader : ItemStateReader
    {
        public static readonly WorkflowExecutionStateReader Instance = new WorkflowExecutionStateReader();

        private WorkflowExecutionStateReader()
            : base(OperationsSystem.Onedata, "WorkflowExecution", OnedataErrorParser.Instance)
        {
        }

        public override ApiRequest BuildRequest(OperationsSession session, string id) => WorkflowExecutionReader.Instance.BuildRequest(session, id);

        public override string ReadAgainCommand(string id, CommandNames names) => $"{names.Named("Get", "WorkflowExecution")} -ExecutionId '{id.Replace("'", "''")}'";

        protected override ItemState ParseState(ApiRequest request, ApiResponse response, string id)
        {
            string? status = null;
            try
            {
                using var document = JsonDocument.Parse(response.Body);
                status = WorkflowExecutionStates.Spelling.Normalize(JsonFields.Text(document.RootElement, "status"));
            }
            catch (JsonException)
            {
            }
            if (status is null)
                throw FailureBuilder.UnexpectedShape($"Confirming the cancel of Onedata workflow execution '{id}' failed: {request.Describe()} answered {response.StatusCode} without a status.", request, response,
                    "Check that -BaseUri points at the Oneprovider that supports the space (a proxy or login page may be answering).");
            return new ItemState(status, WorkflowExecutionStates.IsFinal(status), status == WorkflowExecutionStates.Cancelled);
        }
    }
}
