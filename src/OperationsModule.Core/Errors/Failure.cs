using System;
using System.Linq;

namespace OperationsModule.Core.Errors
{
    /// <summary>
    /// An SMA-free description of one ErrorRecord: Core decides every field, the cmdlet only converts.
    /// </summary>
    internal sealed class Failure
    {
        public Failure(OperationsApiException exception, object? targetObject)
        {
            Exception = exception ?? throw new ArgumentNullException(nameof(exception));
            TargetObject = SafeTarget(targetObject);
        }

        /// <summary>
        /// A URI target (a refused -BaseUri) without its user info or query: the record is exported and logged
        /// (Export-Clixml $Error), so a password typed into the address must not live on in it.
        /// </summary>
        private static object? SafeTarget(object? target)
        {
            if (target is not Uri uri) return target;
            var text = uri.OriginalString;
            var masked = Validation.BaseUriValidator.Echo(text);
            if (uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                return Http.UriText.Sanitize(uri);
            return masked == text ? uri : (object)masked;
        }

        public OperationsApiException Exception { get; }

        public string ErrorId => Exception.ErrorId;

        public string Category => Exception.Category;

        /// <summary>The item's ID (never a request message, whose ToString prints the Authorization header).</summary>
        public object? TargetObject { get; }

        /// <summary>ErrorDetails.Message: the vendor's own words when it gave any, else the exception message.</summary>
        public string DetailsMessage => Exception.VendorError?.Message is { Length: > 0 } vendor
            ? ComposeVendorMessage(vendor) + Exception.AttemptsNote
            : Exception.Message;

        public string? RecommendedAction => Exception.RecommendedAction;

        private string ComposeVendorMessage(string vendor)
        {
            var fields = Exception.VendorError!.FieldErrors;
            if (fields.Count == 0) return vendor;
            var text = new System.Text.StringBuilder(vendor);
            foreach (var pair in fields)
                if (!pair.Value.All(m => vendor.IndexOf(m, StringComparison.Ordinal) >= 0)) // not already what the message says
                    text.Append(Environment.NewLine).Append("  ").Append(pair.Key).Append(": ").Append(string.Join("; ", pair.Value));
            return text.ToString();
        }

        public override string ToString() => $"{ErrorId} ({Category}) {TargetObject}: {Exception.Message}";
    }
}
