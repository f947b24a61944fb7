using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Commands
{
    /// <summary>One system's cancel call: how to validate the ID, build the request and read its errors.</summary>
    internal interface ICancelEndpoint
    {
        OperationsSystem System { get; }

        /// <summary>What is cancelled, for messages and CancellationResult.Kind (e.g. Task).</summary>
        string Kind { get; }

        /// <summary>The cmdlet parameter that carries the ID, named in validation errors.</summary>
        string IdParameterName { get; }

        IErrorBodyParser ErrorParser { get; }

        /// <summary>Returns the ID to send or throws InputValidationException naming the parameter.</summary>
        string ValidateId(string? raw);

        /// <summary>Builds the request; throws InputValidationException for a bad argument (e.g. a too long reason).</summary>
        ApiRequest BuildRequest(OperationsSession session, string id, CancelArguments arguments);

        bool IsSuccess(int statusCode);
    }

    /// <summary>Per-item extras some systems take (BigChange: a reason and the customer).</summary>
    internal sealed class CancelArguments
    {
        public static readonly CancelArguments None = new CancelArguments();

        public string? Reason { get; set; }

        public long? CustomerId { get; set; }
    }
}
