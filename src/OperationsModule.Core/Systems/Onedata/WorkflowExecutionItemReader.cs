using System.Net.Http;
using System.Text.Json;
using OperationsModule.Core.Http;
using OperationsModule.Core.Listing;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Validation;

namespace OperationsModule.Core.Systems.Onedata
{
    /// <summary>GET /automation/execution/workflows/{wid}: one execution's details (times in seconds).</summary>
    internal sealed class WorkflowExecutionItemReader : IItemReader<WorkflowExecution>
    {
        public static readonly WorkflowExecutionItemReader Instance = new WorkflowExecutionItemReader();

        private static readonly JsonAnswer Answer = new JsonAnswer("Reading Onedata workflow execution failed", OnedataErrorParser.Instance,
            "execution details (an object with atmWorkflowExecutionId)", OnedataProfile.WrongServerAdvice);

        public string What => "Onedata workflow execution";

        public string ValidateId(string? raw) => IdValidator.Validate("ExecutionId", raw);

        public ApiRequest BuildRequest(OperationsSession session, string id) => new ApiRequest(HttpMethod.Get, OnedataPaths.Details(session.BaseUri, id));

        public WorkflowExecution Read(ApiRequest request, ApiResponse response, ResolvedConnection connection) =>
            Answer.ReadObject(request, response, details => ReadDetails(details, connection));

        /// <summary>Null when the object has no atmWorkflowExecutionId (not execution details).</summary>
        private static WorkflowExecution? ReadDetails(JsonElement details, ResolvedConnection connection)
        {
            if (JsonFields.Text(details, "atmWorkflowExecutionId") is not { Length: > 0 } id) return null;
            var status = WorkflowExecutionStates.Spelling.Normalize(JsonFields.Text(details, "status"));
            return new WorkflowExecution(id, connection.Session.BaseUri, connection.PipeableSession)
            {
                Name = JsonFields.Text(details, "name"),
                Status = status,
                Phase = status is null ? null : WorkflowExecutionStates.PhaseOf(status),
                SpaceId = JsonFields.Text(details, "spaceId"),
                SchemaSnapshotId = JsonFields.Text(details, "atmWorkflowSchemaSnapshotId"),
                UserId = JsonFields.Text(details, "userId"),
                ScheduledAt = JsonFields.Seconds(details, "scheduleTime"),
                StartedAt = JsonFields.Seconds(details, "startTime"),
                SuspendedAt = JsonFields.Seconds(details, "suspendTime"),
                FinishedAt = JsonFields.Seconds(details, "finishTime"),
            };
        }
    }
}
