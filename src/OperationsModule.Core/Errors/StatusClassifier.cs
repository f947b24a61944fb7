using System;

namespace OperationsModule.Core.Errors
{
    /// <summary>Maps an HTTP failure status to the module's ErrorId, category and generic advice.</summary>
    internal static class StatusClassifier
    {
        public static (string ErrorId, string Category) Classify(int status) => status switch
        {
            400 => (ErrorIds.InvalidRequest, ErrorCategoryName.InvalidArgument),
            401 => (ErrorIds.Unauthorized, ErrorCategoryName.AuthenticationError),
            403 => (ErrorIds.Forbidden, ErrorCategoryName.PermissionDenied),
            404 => (ErrorIds.NotFound, ErrorCategoryName.ObjectNotFound),
            408 => (ErrorIds.Timeout, ErrorCategoryName.OperationTimeout),
            409 => (ErrorIds.Conflict, ErrorCategoryName.ResourceBusy),
            422 => (ErrorIds.ValidationFailed, ErrorCategoryName.InvalidData),
            429 => (ErrorIds.RateLimited, ErrorCategoryName.LimitsExceeded),
            503 => (ErrorIds.ServiceUnavailable, ErrorCategoryName.ResourceUnavailable),
            >= 500 and <= 599 => (ErrorIds.ServerError, ErrorCategoryName.InvalidResult),
            _ => (ErrorIds.UnexpectedStatus, ErrorCategoryName.InvalidResult),
        };

        public static string Advice(int status) => status switch
        {
            400 => "Check the identifier and parameters; the server rejected the request as invalid.",
            401 => "Check the credential or token (it may have expired), or run Connect-OperationsServer again.",
            403 => "The account is authenticated but lacks the right for this call; ask an administrator for the needed role or privilege.",
            404 => "Check the identifier: the server does not know it (it may already have finished or been removed).",
            408 => "The server timed out waiting for the request; try again.",
            409 => "The item is in a state that does not allow this call (for example already finished or cancelled).",
            422 => "Correct the fields listed in the error details and try again.",
            429 => "The server is rate limiting; lower -ThrottleLimit or raise -MaximumRetryCount.",
            503 => "The service is unavailable; try again later or raise -MaximumRetryCount.",
            >= 500 and <= 599 => "The server failed to handle the request; see the error details and the server's logs.",
            _ => "The server answered with a status this command does not expect; see the raw body on the exception.",
        };

        /// <summary>Turns an HTTP status into a human sentence: "404 (NotFound)".</summary>
        public static string Describe(int status) =>
            Enum.IsDefined(typeof(System.Net.HttpStatusCode), status) ? $"{status} ({(System.Net.HttpStatusCode)status})" : status.ToString();
    }
}
