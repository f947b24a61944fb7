using System.Net.Http;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Validation;

namespace OperationsModule.Core.Systems.Vcf
{
    /// <summary>DELETE /v1/tasks/{id}: 200 with an empty body (not 204) means the cancel was accepted.</summary>
    public sealed class TaskCancelEndpoint : ICancelEndpoint
    {
        public static readonly TaskCancelEndpoint Instance = new TaskCancelEndpoint();

        public OperationsSystem System => OperationsSystem.Vcf;

        public string Kind => "Task";

        public string IdParameterName => "TaskId";

        public IErrorBodyParser ErrorParser => VcfErrorParser.Instance;

        public string ValidateId(string? raw) => IdValidator.Validate(IdParameterName, raw);

        public ApiRequest BuildRequest(OperationsSession session, string id, CancelArguments arguments)
        {
            var request = new ApiRequest(HttpMethod.Delete, VcfPaths.Task(session.BaseUri, id));
            request.Headers["Accept"] = "application/json";
            return request;
        }

        // 204 is not documented, but it says the same thing and some gateways rewrite empty 200s to it.
        public bool IsSuccess(int statusCode) => statusCode == 200 || statusCode == 204;
    }
}
