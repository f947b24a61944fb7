using System;
using System.Threading.Tasks;
using OperationsModule.Core.Auth;
using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Http.Pipeline
{
    /// <summary>
    /// Never a secret over http:// without -AllowUnencryptedAuthentication. Checked before the authenticate step, so a
    /// request that would be refused never causes a login either.
    /// </summary>
    internal sealed class CredentialTransportStep : SendStep
    {
        private readonly HttpOptions _options;
        private readonly IAuthenticator _authenticator;

        public CredentialTransportStep(HttpOptions options, IAuthenticator authenticator)
        {
            _options = options;
            _authenticator = authenticator;
        }

        public override Task<ApiResponse> SendAsync(SendContext context, SendNext next)
        {
            TryEnter(context);
            return next.SendAsync();
        }

        /// <summary>Throws when a secret would go over http:// unasked; nothing to do after.</summary>
        public override bool TryEnter(SendContext context)
        {
            var uri = context.Uri;
            var secret = _authenticator.SendsSecrets || context.Request.CarriesSecrets;
            if (!secret || string.Equals(uri.Scheme, "https", StringComparison.OrdinalIgnoreCase) || _options.AllowUnencryptedAuthentication)
                return true;
            throw new OperationsApiException(
                $"Refusing to send credentials over unencrypted {uri.Scheme}:// to {UriText.ForDisplay(uri)}. Use an https:// address, or pass -AllowUnencryptedAuthentication if you accept that the secret can be read on the network.",
                ErrorIds.UnencryptedAuthentication, ErrorCategoryName.SecurityError)
            {
                Method = context.Request.Method.Method,
                RequestUri = UriText.Sanitize(uri),
                Attempts = context.Attempt - 1,
                RecommendedAction = "Use https://, or add -AllowUnencryptedAuthentication for a trusted test network.",
            };
        }

        public override bool WatchesAnswers => false;
    }
}
