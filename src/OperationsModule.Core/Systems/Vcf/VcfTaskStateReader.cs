using System.Net.Http;
using System.Text.Json;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Listing;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Waiting;

namespace OperationsModule.Core.Systems.Vcf
{
    /// <summary>Stop-Task -Wait: GET /v1/tasks/{id} until the status is final; CANCELLED (either spelling) is the cancel taking effect.</summary>
    internal sealed class VcfTaskStateReader : ItemStateReader
    {
        public static readonly VcfTaskStateReader Instance = new VcfTaskStateReader();

        private VcfTaskStateReader()
            : base(OperationsSystem.Vcf, "Task", VcfErrorParser.Instance)
        {
        }

        public override ApiRequest BuildRequest(OperationsSession session, string id) => VcfTaskReader.Instance.BuildRequest(session, id);

        public override string ReadAgainCommand(string id, CommandNames names) => $"{names.Named("Get", "SddcManagerTask")} -TaskId '{id.Replace("'", "''")}'";

        protected override ItemState ParseState(ApiRequest request, ApiResponse response, string id)
        {
            string? status = null;
            try
            {
                using var document = JsonDocument.Parse(response.Body);
                status = VcfTaskStates.Spelling.Normalize(JsonFields.Text(document.RootElement, "status"));
            }
            catch (JsonException)
            {
            }
            if (status is null)
                throw FailureBuilder.UnexpectedShape($"Confirming the cancel of VCF task '{id}' failed: {request.Describe()} answered {response.StatusCode} without a task status.", request, response,
                    "Check that -BaseUri points at SDDC Manager (a proxy or login page may be answering).");
            return new ItemState(status, VcfTaskStates.IsFinal(status), status == VcfTaskStates.Cancelled);
        }
    }
}
