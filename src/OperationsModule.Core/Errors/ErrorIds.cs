namespace OperationsModule.Core.Errors
{
    /// <summary>The documented, stable reasons that become FullyQualifiedErrorId prefixes.</summary>
    internal static class ErrorIds
    {
        public const string NotFound = "NotFound";
        public const string Unauthorized = "Unauthorized";
        public const string Forbidden = "Forbidden";
        public const string Conflict = "Conflict";
        public const string ValidationFailed = "ValidationFailed";
        public const string InvalidRequest = "InvalidRequest";
        public const string ServerError = "ServerError";
        public const string ServiceUnavailable = "ServiceUnavailable";
        public const string RateLimited = "RateLimited";
        public const string Timeout = "Timeout";
        public const string ConnectionFailed = "ConnectionFailed";
        public const string ResponseIncomplete = "ResponseIncomplete";
        public const string UnexpectedStatus = "UnexpectedStatus";
        public const string UnexpectedRedirect = "UnexpectedRedirect";
        public const string InvalidParameter = "InvalidParameter";
        public const string UnencryptedAuthentication = "UnencryptedAuthenticationRefused";
        public const string CertificateRejected = "CertificateRejected";
        public const string UnexpectedResponse = "UnexpectedResponse";
        public const string NoSession = "NoSession";
        public const string WaitTimedOut = "WaitTimedOut";
        public const string OutFileFailed = "OutFileFailed";
    }
}
