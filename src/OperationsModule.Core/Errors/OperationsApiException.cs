using System;

namespace OperationsModule.Core.Errors
{
    /// <summary>
    /// A failed call, with everything a user needs to diagnose it and nothing secret: the request URI has
    /// no user info or query secrets, and the raw body is truncated.
    /// </summary>
    public class OperationsApiException : Exception
    {
        public const int MaxRawBodyLength = 4096;

        public OperationsApiException(string message, string errorId, string category, Exception? inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Category = category;
        }

        /// <summary>Stable reason, e.g. NotFound; the cmdlet's FullyQualifiedErrorId starts with it.</summary>
        public string ErrorId { get; }

        /// <summary>Name of the SMA ErrorCategory.</summary>
        public string Category { get; }

        public int? StatusCode { get; set; }

        public string? Method { get; set; }

        public Uri? RequestUri { get; set; }

        public VendorError? VendorError { get; set; }

        /// <summary>The response body as received, truncated to <see cref="MaxRawBodyLength"/> characters.</summary>
        public string? RawBody { get; set; }

        public string? ContentType { get; set; }

        public TimeSpan? RetryAfter { get; set; }

        public string? CorrelationId { get; set; }

        /// <summary>How many attempts were made (1 + retries).</summary>
        public int Attempts { get; set; } = 1;

        /// <summary>The message, saying how many attempts were made when there were retries (set after construction).</summary>
        public override string Message => Attempts > 1 ? base.Message + AttemptsNote : base.Message;

        /// <summary>" Attempts made: N." when the call was retried, else empty.</summary>
        internal string AttemptsNote => Attempts > 1 ? $" Attempts made: {Attempts}." : string.Empty;

        /// <summary>Advice that fits the failure: VCF remediationMessage, else advice for the status.</summary>
        public string? RecommendedAction { get; set; }

        internal static string? Truncate(string? body) =>
            body is null || body.Length <= MaxRawBodyLength ? body : body.Substring(0, MaxRawBodyLength) + "…[truncated]";
    }

    /// <summary>Input refused before any request: names the parameter and what is wrong with the value.</summary>
    public sealed class InputValidationException : OperationsApiException
    {
        public InputValidationException(string parameterName, string problem)
            : this(parameterName, $"Cannot use the value given for -{parameterName}: {problem}", composed: true)
        {
        }

        // "composed" only tells this overload (the whole message) from the public one (the problem after a fixed lead).
        private InputValidationException(string parameterName, string message, bool composed)
            : base(message, ErrorIds.InvalidParameter, ErrorCategoryName.InvalidArgument)
        {
            ParameterName = parameterName;
        }

        /// <summary>A required value that was not given at all: says so, rather than blaming a value nobody typed.</summary>
        public static InputValidationException Missing(string parameterName, string why) =>
            new InputValidationException(parameterName, $"-{parameterName} is missing: {why}", composed: true);

        public string ParameterName { get; }
    }
}
