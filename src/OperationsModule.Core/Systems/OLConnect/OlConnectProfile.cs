using System;
using OperationsModule.Core.Auth;
using OperationsModule.Core.Models;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Secrets;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Systems.OLConnect
{
    /// <summary>
    /// OL Connect accepts Basic or an auth_token header. A lasting session logs in once and reuses the
    /// token (fewer password transmissions); a single call sends Basic.
    /// </summary>
    internal sealed class OlConnectProfile : ISystemProfile, ISessionVerifier
    {
        /// <summary>What to check when an answer is not OL Connect Server's shape.</summary>
        internal const string WrongServerAdvice = "Check that -BaseUri points at OL Connect Server's REST API (a proxy or login page may be answering).";

        public OperationsSystem System => OperationsSystem.OLConnect;

        public string ExampleBaseUri => "https://server:9340";

        public IAuthenticator CreateAuthenticator(Uri baseUri, SecretCredential? credential, SecretText? token, bool persistent)
        {
            if (token is not null) return new HeaderTokenAuthenticator("auth_token", token);
            if (credential is null) return new NoAuthenticator();
            return persistent ? new OlConnectLoginAuthenticator(baseUri, credential) : new BasicAuthenticator(credential);
        }

        /// <summary>getOperations needs authentication and changes nothing; with a login session it logs in first.</summary>
        public ApiRequest BuildProbe(OperationsSession session) => new ApiRequest(global::System.Net.Http.HttpMethod.Get, OlConnectPaths.Operations(session.BaseUri));

        public IErrorBodyParser ErrorParser => OlConnectErrorParser.Instance;

        public bool IsVerified(OperationsSession session, ApiResponse response) => response.IsSuccess;
    }
}
