using System;
using System.Security;
using OperationsModule.Core.Models;
using OperationsModule.Core.Secrets;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Tests.Infrastructure
{
    /// <summary>Builds what a cmdlet would bind, the way the cmdlet adapters do.</summary>
    internal static class Connections
    {
        public static SecretText Secret(string text)
        {
            var secure = new SecureString();
            foreach (var c in text) secure.AppendChar(c);
            return new SecretText(secure);
        }

        public static SecretCredential Credential(string user, string password) => new SecretCredential(user, Secret(password));

        /// <summary>A per-call connection request (-BaseUri with -Credential or -Token) against a loopback http simulator.</summary>
        public static ConnectionRequest PerCall(OperationsSystem system, Uri baseUri, SecretCredential? credential = null, SecretText? token = null, int retries = 0) =>
            new ConnectionRequest(system)
            {
                BaseUri = baseUri.AbsoluteUri,
                Credential = credential,
                Token = token,
                AllowUnencryptedAuthentication = true,
                MaximumRetryCount = retries,
                RetryIntervalSec = 0,
                TimeoutSec = 30,
            };

        public static ResolvedConnection Resolve(ConnectionRequest request) => SessionResolver.Resolve(request, new SessionStore());
    }
}
