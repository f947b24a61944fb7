using System.Globalization;
using OperationsModule.Core.Http;
using OperationsModule.Core.Listing;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Systems.BigChange.Jobs
{
    /// <summary>Get-BigChangeJob -JobId: GET /v1/jobs/{jobId} with -CustomerId, or the session's customer.</summary>
    internal sealed class BigChangeJobItemReader : IItemReader<BigChangeJob>
    {
        private readonly long? _customerId;

        public BigChangeJobItemReader(long? customerId) => _customerId = customerId;

        public string What => "BigChange job";

        public string ValidateId(string? raw) => JobCancelEndpoint.Instance.ValidateId(raw);

        public ApiRequest BuildRequest(OperationsSession session, string id) =>
            BigChangeJobClient.BuildGet(session, long.Parse(id, CultureInfo.InvariantCulture), BigChangeJobClient.ResolveCustomer(_customerId, session));

        public BigChangeJob Read(ApiRequest request, ApiResponse response, ResolvedConnection connection)
        {
            var id = request.Uri.Segments[request.Uri.Segments.Length - 1];
            var customerId = long.Parse(request.Headers["Customer-Id"], CultureInfo.InvariantCulture);
            var answer = new JsonAnswer($"Reading BigChange job '{id}' failed", ProblemDetailsParser.Instance, "a job (an object with a numeric id)", BigChangeProfile.WrongServerAdvice);
            return answer.ReadObject(request, response, job => BigChangeJobJson.Read(job, customerId, connection));
        }
    }
}
