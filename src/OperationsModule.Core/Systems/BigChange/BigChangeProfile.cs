using System;
using OperationsModule.Core.Auth;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Secrets;

namespace OperationsModule.Core.Systems.BigChange
{
    /// <summary>BigChange takes a bearer token, or client credentials that obtain one from the auth proxy.</summary>
    public sealed class BigChangeProfile : ISystemProfile
    {
        public OperationsSystem System => OperationsSystem.BigChange;

        public string ExampleBaseUri => "https://api.bigchange.com";

        public IAuthenticator CreateAuthenticator(Uri baseUri, SecretCredential? credential, SecretText? token, bool persistent)
        {
            if (token is not null) return HeaderTokenAuthenticator.Bearer(token);
            if (credential is not null) return new BigChangeClientCredentialsAuthenticator(baseUri, credential);
            throw new InputValidationException("Credential", "BigChange needs -Credential (client_id as the user name, client_secret as the password) or -Token (an access token).");
        }
    }
}
