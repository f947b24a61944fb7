using System.Threading.Tasks;

namespace OperationsModule.Core.Http.Pipeline
{
    /// <summary>A 407 is the proxy's refusal, not the server's answer: a ProxyAuthenticationRequired failure naming the proxy.</summary>
    internal sealed class ProxyRefusalStep : SendStep
    {
        private readonly HttpOptions _options;

        public ProxyRefusalStep(HttpOptions options) => _options = options;

        public override Task<ApiResponse> SendAsync(SendContext context, SendNext next) => SendThenPassAsync(context, next);

        public override bool TryEnter(SendContext context) => true;

        /// <summary>Throws for a 407; every other answer passes.</summary>
        public override bool Passes(SendContext context, ApiResponse answer)
        {
            if (answer.StatusCode != 407) return true;
            var credentialGiven = _options.ProxyCredential is not null || _options.ProxyUseDefaultCredentials;
            throw ProxyFailure.AuthenticationRequired(context.Method, context.Uri, _options.Proxy, credentialGiven, context.Attempt);
        }
    }
}
