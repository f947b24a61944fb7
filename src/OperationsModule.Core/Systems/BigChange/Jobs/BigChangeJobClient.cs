using System.Globalization;
using System.Net.Http;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Validation;

namespace OperationsModule.Core.Systems.BigChange.Jobs
{
    /// <summary>GET /v1/jobs/{jobId}: one job, read with the tenant's Customer-Id (every BigChange call names it).</summary>
    internal static class BigChangeJobClient
    {
        /// <summary>-CustomerId when given, else the session's; refused (naming -CustomerId) when neither exists.</summary>
        public static long ResolveCustomer(long? customerId, OperationsSession session)
        {
            var customer = customerId ?? session.CustomerId
                ?? throw InputValidationException.Missing("CustomerId", BigChangeAdvice.CustomerIdRequired + " Pass -CustomerId, or connect with Connect-OperationsServer -CustomerId.");
            return IdValidator.ValidatePositive("CustomerId", customer);
        }

        public static ApiRequest BuildGet(OperationsSession session, long jobId, long customerId) =>
            WithTenant(new ApiRequest(HttpMethod.Get, BigChangePaths.Job(session.BaseUri, IdValidator.ValidatePositive("JobId", jobId))), customerId);

        internal static ApiRequest WithTenant(ApiRequest request, long customerId)
        {
            request.Headers["Customer-Id"] = customerId.ToString(CultureInfo.InvariantCulture);
            request.Headers["Accept"] = "application/json, application/problem+json";
            return request;
        }
    }
}
