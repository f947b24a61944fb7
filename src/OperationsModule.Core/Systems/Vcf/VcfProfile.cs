using System;
using OperationsModule.Core.Auth;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Secrets;

namespace OperationsModule.Core.Systems.Vcf
{
    /// <summary>
    /// SDDC Manager has no Basic auth: a credential always becomes a token login (per call and in a lasting
    /// session alike; per call, one login serves every piped task); a token is sent as Bearer.
    /// </summary>
    public sealed class VcfProfile : ISystemProfile
    {
        public OperationsSystem System => OperationsSystem.Vcf;

        public string ExampleBaseUri => "https://sddc-manager.example.org";

        public IAuthenticator CreateAuthenticator(Uri baseUri, SecretCredential? credential, SecretText? token, bool persistent)
        {
            if (token is not null) return HeaderTokenAuthenticator.Bearer(token);
            if (credential is not null) return new VcfTokenAuthenticator(baseUri, credential);
            throw new InputValidationException("Credential", "SDDC Manager needs -Credential (user name and password) or -Token (an access token).");
        }
    }
}
