using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Output;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Validation;

namespace OperationsModule.Core.Commands
{
    /// <summary>
    /// One piped item of the OL Connect follow-up cmdlets (Wait-, Get-OutputCreationResult): an operation
    /// object or an ID. Resolves its connection (the object's own session first) and validates the ID.
    /// </summary>
    internal static class PipedOperation
    {
        /// <summary>
        /// False when the ID is unusable: the failure is already written. Throws OperationsApiException
        /// (NoSession) when there is no connection at all, which the cmdlet makes terminating.
        /// </summary>
        public static bool TryResolve(ConnectionPlan connections, OutputCreationOperation? operation, string? rawId, OperationsSession? pipedSession, System.Uri? pipedServer,
            IOperationsOutput output, out ResolvedConnection connection, out string id)
        {
            connection = connections.For(pipedSession ?? operation?.Session, pipedServer ?? operation?.Server);
            var given = operation?.OperationId ?? rawId;
            try
            {
                id = IdValidator.Validate("OperationId", given);
                return true;
            }
            catch (InputValidationException ex)
            {
                output.WriteFailure(new Failure(ex, given));
                id = string.Empty;
                return false;
            }
        }
    }
}
