using System;
using OperationsModule.Core.Auth;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Secrets;

namespace OperationsModule.Core.Systems.Onedata
{
    /// <summary>
    /// Oneprovider takes an access token (minted in Onezone) in X-Auth-Token. There is no login or refresh flow,
    /// and Basic works on Onezone only, so a credential is refused rather than sent somewhere it cannot work.
    /// </summary>
    public sealed class OnedataProfile : ISystemProfile
    {
        public OperationsSystem System => OperationsSystem.Onedata;

        public string ExampleBaseUri => "https://oneprovider.example.org";

        public IAuthenticator CreateAuthenticator(Uri baseUri, SecretCredential? credential, SecretText? token, bool persistent)
        {
            if (token is not null) return new HeaderTokenAuthenticator("X-Auth-Token", token);
            if (credential is not null)
                throw new InputValidationException("Credential", "Onedata Oneprovider accepts only an access token; create one in Onezone and pass it with -Token.");
            throw new InputValidationException("Token", "Onedata Oneprovider needs an access token: pass -Token (a SecureString).");
        }
    }
}
