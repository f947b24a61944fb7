using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using OperationsModule.Core.Http;
using OperationsModule.Core.Listing;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Waiting;

namespace OperationsModule.Core.Systems.BigChange.Jobs
{
    /// <summary>
    /// Stop-Job -Wait: GET /v1/jobs/{jobId} until the job is cancelled or completed. The read goes to the customer the
    /// cancel went to, which may be a piped row's own CustomerId: <see cref="Remember"/> records it per job.
    /// </summary>
    internal sealed class BigChangeJobStateReader : ItemStateReader
    {
        private readonly ConcurrentDictionary<string, long> _customers = new ConcurrentDictionary<string, long>();

        public BigChangeJobStateReader()
            : base(OperationsSystem.BigChange, "Job", ProblemDetailsParser.Instance)
        {
        }

        /// <summary>The customer a job's cancel names (null: the session's), so its state is read for the same tenant.</summary>
        public void Remember(string jobId, long? customerId)
        {
            if (customerId is { } customer) _customers[jobId] = customer;
        }

        public override ApiRequest BuildRequest(OperationsSession session, string id) =>
            BigChangeJobClient.BuildGet(session, long.Parse(id, CultureInfo.InvariantCulture),
                BigChangeJobClient.ResolveCustomer(_customers.TryGetValue(id, out var customer) ? customer : (long?)null, session));

        public override string ReadAgainCommand(string id, CommandNames names) =>
            $"{names.Named("Get", "BigChangeJob")} -JobId {id}" + (_customers.TryGetValue(id, out var customer) ? $" -CustomerId {customer}" : string.Empty);

        protected override ItemState ParseState(ApiRequest request, ApiResponse response, string id)
        {
            var answer = new JsonAnswer($"Confirming the cancel of BigChange job '{id}' failed", ProblemDetailsParser.Instance, "a JSON object (the job)", BigChangeProfile.WrongServerAdvice);
            return answer.ReadRoot(request, response, job => job.ValueKind == JsonValueKind.Object ? StateOf(BigChangeJobStatus.Normalize(JsonFields.Text(job, "status"))) : null);
        }

        /// <summary>A job without a status is not final: the wait reads it again.</summary>
        private static ItemState StateOf(string? status) =>
            new ItemState(status ?? "unknown", BigChangeJobStatus.IsFinal(status), status == BigChangeJobStatus.Cancelled);
    }
}
