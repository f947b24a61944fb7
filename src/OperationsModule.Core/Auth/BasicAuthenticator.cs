using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Http;
using OperationsModule.Core.Output;
using OperationsModule.Core.Secrets;

namespace OperationsModule.Core.Auth
{
    /// <summary>Authorization: Basic on every request.</summary>
    public sealed class BasicAuthenticator : IAuthenticator
    {
        private readonly SecretCredential _credential;

        public BasicAuthenticator(SecretCredential credential) => _credential = credential;

        public string Kind => "Basic";

        public string? UserName => _credential.UserName;

        public bool SendsSecrets => true;

        public Task<object?> ApplyAsync(HttpRequestMessage request, ApiTransport transport, ILogSink log, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Encode(_credential));
            return Task.FromResult<object?>(null);
        }

        public Task<bool> RenewAsync(object? stamp, ApiTransport transport, ILogSink log, CancellationToken cancellationToken) =>
            Task.FromResult(false);

        internal static string Encode(SecretCredential credential) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(credential.UserName + ":" + credential.Secret.Reveal()));
    }
}
