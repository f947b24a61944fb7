using System.Net.Http;
using OperationsModule.Core.Http;
using OperationsModule.Core.Listing;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Validation;

namespace OperationsModule.Core.Systems.Vcf
{
    /// <summary>GET /v1/tasks/{id}: one task by ID (Get-SddcManagerTask -TaskId).</summary>
    internal sealed class VcfTaskItemReader : IItemReader<SddcManagerTask>
    {
        public static readonly VcfTaskItemReader Instance = new VcfTaskItemReader();

        private static readonly JsonAnswer Answer = new JsonAnswer("Reading VCF task failed", VcfErrorParser.Instance, "a Task (an object with an id)", VcfProfile.WrongServerAdvice);

        public string What => "VCF task";

        public string ValidateId(string? raw) => IdValidator.Validate("TaskId", raw);

        public ApiRequest BuildRequest(OperationsSession session, string id)
        {
            var request = new ApiRequest(HttpMethod.Get, VcfPaths.Task(session.BaseUri, id));
            request.Headers["Accept"] = "application/json";
            return request;
        }

        public SddcManagerTask Read(ApiRequest request, ApiResponse response, ResolvedConnection connection) =>
            Answer.ReadObject(request, response, task => VcfTaskJson.Read(task, connection));
    }
}
