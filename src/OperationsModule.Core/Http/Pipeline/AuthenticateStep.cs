using System;
using System.Threading.Tasks;
using OperationsModule.Core.Auth;

namespace OperationsModule.Core.Http.Pipeline
{
    /// <summary>
    /// Makes the credential ready before the throttle gate admits the request (a login never holds a place in the
    /// window it needs itself), and after a 401 renews it once per call and sends again. Logins go through the
    /// transport's anonymous pipeline, which has no authenticate step, so this step never re-enters itself.
    /// </summary>
    internal sealed class AuthenticateStep : SendStep
    {
        private readonly IAuthenticator _authenticator;
        private readonly ApiTransport _transport;
        private bool _renewed;

        public AuthenticateStep(IAuthenticator authenticator, ApiTransport transport)
        {
            _authenticator = authenticator;
            _transport = transport;
        }

        public override async Task<ApiResponse> SendAsync(SendContext context, Func<Task<ApiResponse>> next)
        {
            while (true)
            {
                var stamp = await _authenticator.PrepareAsync(_transport, context.Log, context.CancellationToken).ConfigureAwait(false);
                context.Credential = new AppliedCredential(_authenticator, stamp);
                var response = await next().ConfigureAwait(false);
                if (response.StatusCode != 401 || _renewed) return response;
                _renewed = true;
                if (!await _authenticator.RenewAsync(stamp, _transport, context.Log, context.CancellationToken).ConfigureAwait(false))
                    return response;
                if (context.Log.IsVerboseEnabled) context.Log.WriteVerbose($"{context.Target}: 401, sending again with a renewed token.");
            }
        }
    }

    /// <summary>The credential one attempt carries: the authenticator and the stamp it made ready.</summary>
    internal readonly struct AppliedCredential
    {
        public AppliedCredential(IAuthenticator? authenticator, object? stamp)
        {
            Authenticator = authenticator;
            Stamp = stamp;
        }

        /// <summary>Null for an anonymous call (a login, a revocation): nothing is written.</summary>
        public IAuthenticator? Authenticator { get; }

        public object? Stamp { get; }

        public void WriteTo(System.Net.Http.HttpRequestMessage message) => Authenticator?.Apply(message, Stamp);
    }
}
