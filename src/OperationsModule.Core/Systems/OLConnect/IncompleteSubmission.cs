using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;

namespace OperationsModule.Core.Systems.OLConnect
{
    /// <summary>
    /// A submission OL Connect accepted (its 202 and operationId header arrived) whose answer was then cut off: the
    /// operation exists, so the record names it (as its TargetObject too) for Wait-OutputCreation or Stop-OutputCreation.
    /// </summary>
    public sealed class IncompleteSubmission : OperationsApiException
    {
        public IncompleteSubmission(ResponseIncompleteException cutOff, string operationId, string subject)
            : base($"{subject}: OL Connect accepted it as operation '{operationId}' ({cutOff.Partial.StatusCode}), but the answer was cut off before its end. The operation exists on the server.",
                ErrorIds.ResponseIncomplete, ErrorCategoryName.ConnectionError, cutOff)
        {
            OperationId = operationId;
            StatusCode = cutOff.StatusCode;
            Method = cutOff.Method;
            RequestUri = cutOff.RequestUri;
            Attempts = cutOff.Attempts;
            RecommendedAction = $"Follow it with Wait-OutputCreation -OperationId {operationId}, or cancel it with Stop-OutputCreation -OperationId {operationId}.";
        }

        public string OperationId { get; }
    }
}
