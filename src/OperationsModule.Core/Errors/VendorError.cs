using System.Collections.Generic;
using System.Linq;

namespace OperationsModule.Core.Errors
{
    /// <summary>What a vendor's error body said, normalised across the four error shapes.</summary>
    public sealed class VendorError
    {
        /// <summary>The vendor's error code or id (Onedata id, VCF errorCode, problem type), if any.</summary>
        public string? Code { get; set; }

        /// <summary>The vendor's own words (OL Connect message, Onedata description, VCF message, problem detail/title).</summary>
        public string? Message { get; set; }

        /// <summary>VCF remediationMessage.</summary>
        public string? Remediation { get; set; }

        /// <summary>VCF referenceToken or another support correlation id.</summary>
        public string? CorrelationId { get; set; }

        /// <summary>Everything else the body carried (OL Connect parameter, Onedata details/ctx, VCF causes, problem errors), flattened to text.</summary>
        public IDictionary<string, string> Details { get; } = new SortedDictionary<string, string>();

        /// <summary>Field -> messages (RFC 7807 validation problems).</summary>
        public IDictionary<string, IReadOnlyList<string>> FieldErrors { get; } = new SortedDictionary<string, IReadOnlyList<string>>();

        /// <summary>Set when the vendor's error id says more than the status (Onedata answers a bad token with 400).</summary>
        internal string? ErrorIdOverride { get; set; }

        internal string? CategoryOverride { get; set; }

        /// <summary>Masks every secret of the exchange in everything the vendor said (see SecretSet).</summary>
        internal void MaskWith(Secrets.SecretSet secrets)
        {
            Code = Code is null ? null : secrets.Apply(Code);
            Message = Message is null ? null : secrets.Apply(Message);
            Remediation = Remediation is null ? null : secrets.Apply(Remediation);
            CorrelationId = CorrelationId is null ? null : secrets.Apply(CorrelationId);
            foreach (var key in new List<string>(Details.Keys)) Details[key] = secrets.Apply(Details[key]);
            foreach (var key in new List<string>(FieldErrors.Keys)) FieldErrors[key] = FieldErrors[key].Select(secrets.Apply).ToList();
        }

        public override string ToString() => Code is null ? Message ?? string.Empty : $"{Code}: {Message}";
    }
}
