using System.Net.Http;
using System.Text.Json;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Listing;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Validation;

namespace OperationsModule.Core.Systems.Vcf
{
    /// <summary>GET /v1/tasks/{id}: one task by ID (Get-SddcManagerTask -TaskId).</summary>
    internal sealed class VcfTaskReader : IItemReader<SddcManagerTask>
    {
        public static readonly VcfTaskReader Instance = new VcfTaskReader();

        public string What => "VCF task";

        public string ValidateId(string? raw) => IdValidator.Validate("TaskId", raw);

        public ApiRequest BuildRequest(OperationsSession session, string id)
        {
            var request = new ApiRequest(HttpMethod.Get, VcfPaths.Task(session.BaseUri, id));
            request.Headers["Accept"] = "application/json";
            return request;
        }

        public SddcManagerTask Read(ApiRequest request, ApiResponse response, ResolvedConnection connection) =>
            (response.StatusCode == 200 ? TryParse(response, connection) : null)
            ?? throw (response.StatusCode == 200
                ? FailureBuilder.UnexpectedShape($"Reading VCF task failed: {request.Describe()} answered 200, but not with a Task (an object with an id).", request, response, "Check that -BaseUri points at SDDC Manager (a proxy or login page may be answering).")
                : FailureBuilder.FromResponse(request, response, VcfErrorParser.Instance, "Reading VCF task failed"));

        private static SddcManagerTask? TryParse(ApiResponse response, ResolvedConnection connection)
        {
            try
            {
                using var document = JsonDocument.Parse(response.Body);
                return VcfTaskJson.Read(document.RootElement, connection);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
