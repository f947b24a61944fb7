using System.Net.Http;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Http;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Systems.Vcf
{
    /// <summary>DELETE /v1/tasks/{id}: 200 with an empty body (not 204) means the cancel was accepted.</summary>
    internal sealed class TaskCancelEndpoint : CancelEndpoint
    {
        public static readonly TaskCancelEndpoint Instance = new TaskCancelEndpoint();

        // 204 is not documented, but it says the same thing and some gateways rewrite empty 200s to it.
        private TaskCancelEndpoint()
            : base(OperationsSystem.Vcf, "Task", "TaskId", VcfErrorParser.Instance, 200, 204)
        {
        }

        public override ApiRequest BuildRequest(OperationsSession session, string id, CancelArguments arguments)
        {
            var request = new ApiRequest(HttpMethod.Delete, VcfPaths.Task(session.BaseUri, id));
            request.Headers["Accept"] = "application/json";
            return request;
        }
    }
}
