using System;
using OperationsModule.Core.Auth;
using System.Globalization;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Models;
using OperationsModule.Core.Secrets;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Systems.BigChange
{
    /// <summary>BigChange takes a bearer token, or client credentials that obtain one from the auth proxy.</summary>
    internal sealed class BigChangeProfile : ISystemProfile, ISessionVerifier
    {
        /// <summary>A job ID no tenant has: the probe reads it and expects a not-found problem.</summary>
        internal const long ProbeJobId = long.MaxValue;

        /// <summary>What to check when an answer is not the BigChange REST API's shape.</summary>
        internal const string WrongServerAdvice = "Check that -BaseUri points at the BigChange REST API (https://api.bigchange.com); a proxy or login page may be answering.";

        public OperationsSystem System => OperationsSystem.BigChange;

        public string ExampleBaseUri => "https://api.bigchange.com";

        public IAuthenticator CreateAuthenticator(Uri baseUri, SecretCredential? credential, SecretText? token, bool persistent)
        {
            if (token is not null) return HeaderTokenAuthenticator.Bearer(token);
            if (credential is not null) return new BigChangeClientCredentialsAuthenticator(baseUri, credential);
            throw new InputValidationException("Credential", "BigChange needs -Credential (client_id as the user name, client_secret as the password) or -Token (an access token).");
        }
    
        /// <summary>
        /// Reading a job needs the bearer token and changes nothing. With client credentials, sending it first
        /// obtains the access token (which alone proves client_id/client_secret); with -Token, the read proves it.
        /// The session's customer goes in Customer-Id so the tenant is checked too.
        /// </summary>
        public ApiRequest BuildProbe(OperationsSession session)
        {
            var request = new ApiRequest(global::System.Net.Http.HttpMethod.Get, BigChangePaths.Job(session.BaseUri, ProbeJobId));
            request.Headers["Accept"] = "application/json, application/problem+json";
            if (session.CustomerId is { } customer) request.Headers["Customer-Id"] = customer.ToString(CultureInfo.InvariantCulture);
            return request;
        }

        public IErrorBodyParser ErrorParser => ProblemDetailsParser.Instance;

        /// <summary>
        /// Authentication runs before the action in the API, so a problem-details 404 (no such job) proves the token.
        /// 401, 403 (the customer has not granted access) and anything not in problem-details form do not.
        /// (Connect refuses a BigChange session without -CustomerId, so the probe always names the customer.)
        /// </summary>
        public bool IsVerified(OperationsSession session, ApiResponse response)
        {
            if (response.IsSuccess) return true;
            return response.StatusCode == 404 && ErrorParser.Parse(response) is not null;
        }
    }
}
