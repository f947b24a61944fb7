using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Http;
using OperationsModule.Core.Output;
using OperationsModule.Core.Secrets;

namespace OperationsModule.Core.Auth
{
    /// <summary>
    /// A fixed token in a header: OL Connect's auth_token, Onedata's X-Auth-Token, or Authorization: Bearer
    /// (VCF and BigChange when the user already has an access token).
    /// </summary>
    internal sealed class HeaderTokenAuthenticator : IAuthenticator
    {
        private readonly string _headerName;
        private readonly string _prefix;
        private readonly SecretText _token;

        public HeaderTokenAuthenticator(string headerName, SecretText token, string prefix = "")
        {
            _headerName = headerName;
            _token = token;
            _prefix = prefix;
        }

        public static HeaderTokenAuthenticator Bearer(SecretText token) => new HeaderTokenAuthenticator("Authorization", token, "Bearer ");

        public string Kind => "Token";

        public string? UserName => null;

        public bool SendsSecrets => true;

        // A token is not a password an account lock counts: no need to try it by one request first.
        public bool EveryRequestTriesCredential => false;

        public Task<object?> PrepareAsync(SendPipeline transport, ILogSink log, CancellationToken cancellationToken) => NoStamp.Ready;

        public void Apply(HttpRequestMessage request, object? stamp) =>
            HeaderValues.Write(request, _headerName, _token.HeaderValue(_prefix), HeaderOrigin.Token);

        /// <summary>A token given by the user cannot be renewed here (Onedata has no refresh flow at all).</summary>
        public Task<bool> RenewAsync(object? stamp, SendPipeline transport, ILogSink log, CancellationToken cancellationToken) => NoStamp.CannotRenew;
    }
}
