using System.Net.Http;
using System.Text.Json;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Listing;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Validation;

namespace OperationsModule.Core.Systems.Onedata
{
    /// <summary>GET /automation/execution/workflows/{wid}: one execution's details (times in seconds).</summary>
    internal sealed class WorkflowExecutionReader : IItemReader<WorkflowExecution>
    {
        public static readonly WorkflowExecutionReader Instance = new WorkflowExecutionReader();

        public string What => "Onedata workflow execution";

        public string ValidateId(string? raw) => IdValidator.Validate("ExecutionId", raw);

        public ApiRequest BuildRequest(OperationsSession session, string id) => new ApiRequest(HttpMethod.Get, OnedataPaths.Details(session.BaseUri, id));

        public WorkflowExecution Read(ApiRequest request, ApiResponse response, ResolvedConnection connection)
        {
            if (response.StatusCode != 200) throw FailureBuilder.FromResponse(request, response, OnedataErrorParser.Instance, "Reading Onedata workflow execution failed");
            try
            {
                using var document = JsonDocument.Parse(response.Body);
                var root = document.RootElement;
                if (JsonFields.Text(root, "atmWorkflowExecutionId") is { Length: > 0 } id)
                {
                    var status = WorkflowExecutionStates.Spelling.Normalize(JsonFields.Text(root, "status"));
                    return new WorkflowExecution(id, connection.Session.BaseUri, connection.PipeableSession)
                    {
                        Name = JsonFields.Text(root, "name"),
                        Status = status,
                        Phase = status is null ? null : WorkflowExecutionStates.PhaseOf(status),
                        SpaceId = JsonFields.Text(root, "spaceId"),
                        SchemaSnapshotId = JsonFields.Text(root, "atmWorkflowSchemaSnapshotId"),
                        UserId = JsonFields.Text(root, "userId"),
                        ScheduledAt = JsonFields.Seconds(root, "scheduleTime"),
                        StartedAt = JsonFields.Seconds(root, "startTime"),
                        SuspendedAt = JsonFields.Seconds(root, "suspendTime"),
                        FinishedAt = JsonFields.Seconds(root, "finishTime"),
                    };
                }
            }
            catch (JsonException)
            {
            }
            throw FailureBuilder.UnexpectedShape($"Reading Onedata workflow execution failed: {request.Describe()} answered 200, but not with execution details (an object with atmWorkflowExecutionId).", request, response,
                "Check that -BaseUri points at the Oneprovider that supports the space (a proxy or login page may be answering).");
        }
    }
}
