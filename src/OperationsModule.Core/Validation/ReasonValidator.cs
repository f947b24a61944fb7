using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Validation
{
    /// <summary>
    /// A free-text reason sent with a cancel (BigChange Stop-Job -Reason). Refused before the request when it
    /// exceeds what the API stores, rather than letting the server truncate it or answer 400 per item.
    /// </summary>
    internal static class ReasonValidator
    {
        /// <summary>
        /// The longest reason sent. BigChange does not publish a limit; 500 is this module's documented cap (long
        /// enough for a sentence or two, short enough for any reasonable column). The one place this number lives.
        /// </summary>
        public const int MaximumLength = 500;

        /// <summary>Returns the reason to send (null when none was given); throws InputValidationException naming the parameter.</summary>
        public static string? Validate(string parameterName, string? reason, int maximumLength = MaximumLength)
        {
            if (reason is null) return null;
            if (reason.Trim().Length == 0) throw new InputValidationException(parameterName, "the reason is empty or whitespace; leave the parameter out to send none.");
            if (reason.Length > maximumLength)
                throw new InputValidationException(parameterName, $"the reason is {reason.Length} characters long; the API accepts at most {maximumLength}.");
            foreach (var c in reason)
                if (char.IsControl(c) && c != '\r' && c != '\n' && c != '\t')
                    throw new InputValidationException(parameterName, $"the reason contains the control character U+{(int)c:X4}.");
            return reason;
        }
    }
}
