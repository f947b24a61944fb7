using System.Globalization;
using System.Text.Json;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Validation;

namespace OperationsModule.Core.Systems.BigChange
{
    /// <summary>
    /// PUT /v1/jobs/{jobId}/cancel with the reason as a JSON string body and the tenant in Customer-Id:
    /// 204 means cancelled.
    /// </summary>
    internal sealed class JobCancelEndpoint : CancelEndpoint
    {
        public static readonly JobCancelEndpoint Instance = new JobCancelEndpoint();

        private JobCancelEndpoint()
            : base(OperationsSystem.BigChange, "Job", "JobId", ProblemDetailsParser.Instance, 204, 200)
        {
        }

        /// <summary>The ID arrives as the int64 the cmdlet bound, in invariant text.</summary>
        public override string ValidateId(string? raw)
        {
            if (!long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
                throw new InputValidationException(IdParameterName, $"'{raw}' is not a BigChange job ID (a whole number of 1 or more).");
            return IdValidator.ValidatePositive(IdParameterName, id).ToString(CultureInfo.InvariantCulture);
        }

        public override ApiRequest BuildRequest(OperationsSession session, string id, CancelArguments arguments)
        {
            var reason = ValidateReason(arguments.Reason);
            var customer = arguments.CustomerId ?? session.CustomerId
                ?? throw InputValidationException.Missing("CustomerId", BigChangeAdvice.CustomerIdRequired + " Pass -CustomerId to Stop-Job (or a CustomerId column on piped rows), or connect with Connect-OperationsServer -CustomerId.");
            IdValidator.ValidatePositive("CustomerId", customer);
            var request = new ApiRequest(BigChangePaths.CancelMethod, BigChangePaths.Cancel(session.BaseUri, long.Parse(id, CultureInfo.InvariantCulture)))
            {
                Body = JsonSerializer.Serialize(reason),
                BodyMediaType = "application/json",
            };
            request.Headers["Customer-Id"] = customer.ToString(CultureInfo.InvariantCulture);
            request.Headers["Accept"] = "application/json, application/problem+json";
            return request;
        }

        /// <summary>
        /// BigChange requires a reason, so a missing one is refused here; everything else about the text (blank,
        /// longer than ReasonValidator.MaximumLength, control characters) is ReasonValidator's one rule set.
        /// </summary>
        public static string ValidateReason(string? reason) =>
            ReasonValidator.Validate("Reason", reason)
            ?? throw new InputValidationException("Reason", "BigChange needs a cancellation reason; the value is empty.");
    }
}
