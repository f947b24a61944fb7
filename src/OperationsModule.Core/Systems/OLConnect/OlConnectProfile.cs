using System;
using OperationsModule.Core.Auth;
using OperationsModule.Core.Models;
using OperationsModule.Core.Secrets;

namespace OperationsModule.Core.Systems.OLConnect
{
    /// <summary>
    /// OL Connect accepts Basic or an auth_token header. A lasting session logs in once and reuses the
    /// token (fewer password transmissions); a single call sends Basic.
    /// </summary>
    public sealed class OlConnectProfile : ISystemProfile
    {
        public OperationsSystem System => OperationsSystem.OLConnect;

        public string ExampleBaseUri => "https://server:9340";

        public IAuthenticator CreateAuthenticator(Uri baseUri, SecretCredential? credential, SecretText? token, bool persistent)
        {
            if (token is not null) return new HeaderTokenAuthenticator("auth_token", token);
            if (credential is null) return NoAuthenticator.Instance;
            return persistent ? new OlConnectLoginAuthenticator(baseUri, credential) : new BasicAuthenticator(credential);
        }
    }
}
