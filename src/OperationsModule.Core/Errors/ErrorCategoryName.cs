namespace OperationsModule.Core.Errors
{
    /// <summary>Names of System.Management.Automation.ErrorCategory members; the cmdlet parses them back.</summary>
    internal static class ErrorCategoryName
    {
        public const string InvalidArgument = "InvalidArgument";
        public const string AuthenticationError = "AuthenticationError";
        public const string PermissionDenied = "PermissionDenied";
        public const string ObjectNotFound = "ObjectNotFound";
        public const string ResourceBusy = "ResourceBusy";
        public const string InvalidData = "InvalidData";
        public const string LimitsExceeded = "LimitsExceeded";
        public const string InvalidResult = "InvalidResult";
        public const string ResourceUnavailable = "ResourceUnavailable";
        public const string OperationTimeout = "OperationTimeout";
        public const string ConnectionError = "ConnectionError";
        public const string SecurityError = "SecurityError";
        public const string InvalidOperation = "InvalidOperation";
        public const string OperationStopped = "OperationStopped";
        public const string WriteError = "WriteError";
        public const string ResourceExists = "ResourceExists";
    }
}
