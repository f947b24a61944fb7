using System;
using OperationsModule.Core.Auth;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Models;
using OperationsModule.Core.Secrets;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Systems.Onedata
{
    /// <summary>
    /// Oneprovider takes an access token (minted in Onezone) in X-Auth-Token. There is no login or refresh flow,
    /// and Basic works on Onezone only, so a credential is refused rather than sent somewhere it cannot work.
    /// </summary>
    internal sealed class OnedataProfile : ISystemProfile, ISessionVerifier
    {
        /// <summary>An execution ID no Oneprovider issues (real ones are hex): the probe reads it and expects notFound.</summary>
        internal const string ProbeExecutionId = "operationsmodule-connect-probe";

        /// <summary>What to check when an answer is not Oneprovider's shape.</summary>
        internal const string WrongServerAdvice = "Check that -BaseUri points at the Oneprovider that supports the space (a proxy or login page may be answering).";

        public OperationsSystem System => OperationsSystem.Onedata;

        public string ExampleBaseUri => "https://oneprovider.example.org";

        public IAuthenticator CreateAuthenticator(Uri baseUri, SecretCredential? credential, SecretText? token, bool persistent)
        {
            if (token is not null) return new HeaderTokenAuthenticator("X-Auth-Token", token);
            if (credential is not null)
                throw new InputValidationException("Credential", "Onedata Oneprovider accepts only an access token; create one in Onezone and pass it with -Token.");
            throw new InputValidationException("Token", "Onedata Oneprovider needs an access token: pass -Token (a SecureString).");
        }
    
        /// <summary>
        /// Reading one workflow execution needs a valid token and changes nothing. Oneprovider checks the token
        /// before the lookup (a bad one is 400 badToken, none 401, too few privileges 403), so notFound proves it.
        /// </summary>
        public ApiRequest BuildProbe(OperationsSession session) =>
            new ApiRequest(global::System.Net.Http.HttpMethod.Get, OnedataPaths.Details(session.BaseUri, ProbeExecutionId));

        public IErrorBodyParser ErrorParser => OnedataErrorParser.Instance;

        /// <summary>Only Onedata's own notFound (either error shape) counts: a 404 page from some other server at -BaseUri proves nothing.</summary>
        public bool IsVerified(OperationsSession session, ApiResponse response) =>
            response.IsSuccess || (response.StatusCode == 404 && OnedataErrorIds.IsNotFound(ErrorParser.Parse(response)?.Code));
    }
}
