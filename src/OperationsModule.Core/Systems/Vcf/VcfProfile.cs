using System;
using OperationsModule.Core.Auth;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Models;
using OperationsModule.Core.Secrets;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Systems.Vcf
{
    /// <summary>
    /// SDDC Manager has no Basic auth: a credential always becomes a token login (per call and in a lasting
    /// session alike; per call, one login serves every piped task); a token is sent as Bearer.
    /// </summary>
    internal sealed class VcfProfile : ISystemProfile, ISessionVerifier
    {
        /// <summary>A task ID in SDDC Manager's UUID form that no task has: the probe reads it and expects TASK_NOT_FOUND.</summary>
        internal const string ProbeTaskId = "00000000-0000-0000-0000-000000000000";

        /// <summary>What to check when an answer is not SDDC Manager's shape.</summary>
        internal const string WrongServerAdvice = "Check that -BaseUri points at SDDC Manager (a proxy or login page may be answering).";

        public OperationsSystem System => OperationsSystem.Vcf;

        public string ExampleBaseUri => "https://sddc-manager.example.org";

        public IAuthenticator CreateAuthenticator(Uri baseUri, SecretCredential? credential, SecretText? token, bool persistent)
        {
            if (token is not null) return HeaderTokenAuthenticator.Bearer(token);
            if (credential is not null) return new VcfTokenAuthenticator(baseUri, credential);
            throw new InputValidationException("Credential", "SDDC Manager needs -Credential (user name and password) or -Token (an access token).");
        }
    
        /// <summary>
        /// Reading a task needs a Bearer token and changes nothing. With -Credential, sending it first performs the
        /// /v1/tokens login (which alone proves the password); with -Token, the read proves the token.
        /// </summary>
        public ApiRequest BuildProbe(OperationsSession session)
        {
            var request = new ApiRequest(global::System.Net.Http.HttpMethod.Get, VcfPaths.Task(session.BaseUri, ProbeTaskId));
            request.Headers["Accept"] = "application/json";
            return request;
        }

        public IErrorBodyParser ErrorParser => VcfErrorParser.Instance;

        /// <summary>
        /// A 404 counts only as a VCF Error with an errorCode (TASK_NOT_FOUND): SDDC Manager authenticated the call,
        /// then found no such task. A bare {"message": ...} 404 could come from any proxy in front of it.
        /// </summary>
        public bool IsVerified(OperationsSession session, ApiResponse response) =>
            response.IsSuccess || (response.StatusCode == 404 && !string.IsNullOrEmpty(ErrorParser.Parse(response)?.Code));
    }
}
