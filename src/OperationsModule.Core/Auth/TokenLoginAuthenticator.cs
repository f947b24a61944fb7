using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Output;
using OperationsModule.Core.Secrets;

namespace OperationsModule.Core.Auth
{
    /// <summary>
    /// Shared logic for tokens obtained from a credential: log in lazily, reuse the token, renew it
    /// ahead of its expiry (by a fraction of its lifetime, see <see cref="IssuedToken"/>), and after a 401 refresh (or
    /// log in again) once. Concurrent requests that
    /// all see the same 401 cause one renewal, not one each.
    /// </summary>
    internal abstract class TokenLoginAuthenticator : IAuthenticator
    {
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private IssuedToken? _current;

        protected TokenLoginAuthenticator(SecretCredential credential) => Credential = credential;

        protected SecretCredential Credential { get; }

        public abstract string Kind { get; }

        public string? UserName => Credential.UserName;

        public bool SendsSecrets => true;

        // The login is the try of the credential; requests carry the token it returned.
        public bool EveryRequestTriesCredential => false;

        /// <summary>The token held now: null before the first login and after <see cref="Forget"/>.</summary>
        protected IssuedToken? Current => Volatile.Read(ref _current);

        /// <summary>Drops the held token (after a revocation, or when the session closes); a later call logs in again.</summary>
        public void Forget() => Volatile.Write(ref _current, null);

        /// <summary>Exposed for tests and diagnostics: how many times a token was obtained or refreshed.</summary>
        public int Renewals { get; private set; }

        public async Task<object?> PrepareAsync(SendPipeline transport, ILogSink log, CancellationToken cancellationToken)
        {
            var token = _current;
            if (token is null || token.ExpiresSoon(Now(transport)))
                token = await ObtainAsync(token, transport, log, refreshFirst: token is not null, cancellationToken).ConfigureAwait(false);
            return token;
        }

        public void Apply(HttpRequestMessage request, object? stamp)
        {
            if (stamp is IssuedToken token) WriteHeader(request, token.Value);
        }

        public async Task<bool> RenewAsync(object? stamp, SendPipeline transport, ILogSink log, CancellationToken cancellationToken)
        {
            await ObtainAsync(stamp as IssuedToken, transport, log, refreshFirst: true, cancellationToken).ConfigureAwait(false);
            return true;
        }

        private async Task<IssuedToken> ObtainAsync(IssuedToken? stale, SendPipeline transport, ILogSink log, bool refreshFirst, CancellationToken cancellationToken)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            var refusal = CredentialRefusal.For(this);
            try
            {
                // Another request renewed it while this one waited.
                if (_current is not null && !ReferenceEquals(_current, stale) && !_current.ExpiresSoon(Now(transport))) return _current;
                // Another request of this command was refused while this one waited: no second login with the same credential.
                refusal.ThrowIfRefusedIn(transport);
                IssuedToken? renewed = null;
                if (refreshFirst && _current is not null)
                    renewed = await RefreshAsync(_current, transport, log, cancellationToken).ConfigureAwait(false);
                if (renewed is null)
                {
                    log.WriteVerbose($"Obtaining a {Kind} token for {Credential.UserName}.");
                    renewed = await LoginAsync(transport, log, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    log.WriteVerbose($"Refreshed the {Kind} token for {Credential.UserName}.");
                }
                Renewals++;
                _current = renewed;
                return renewed;
            }
            catch (OperationsApiException failure) when (CredentialRefusal.IsRefusal(failure) && failure is not CredentialRefusedException)
            {
                // Said before the next waiter takes the gate, so it does not log in again.
                refusal.Refused(transport, failure);
                throw;
            }
            finally
            {
                _gate.Release();
            }
        }

        /// <summary>The connection's clock (the wall clock, or a test's virtual one): token lifetimes are read against it.</summary>
        protected static DateTimeOffset Now(SendPipeline transport) => transport.Throttle.Clock.UtcNow;

        /// <summary>Obtains a new token from the credential. Throws OperationsApiException on failure.</summary>
        protected abstract Task<IssuedToken> LoginAsync(SendPipeline transport, ILogSink log, CancellationToken cancellationToken);

        /// <summary>Refreshes without the credential where the API allows it; null falls back to a login.</summary>
        protected virtual Task<IssuedToken?> RefreshAsync(IssuedToken current, SendPipeline transport, ILogSink log, CancellationToken cancellationToken) =>
            Task.FromResult<IssuedToken?>(null);

        protected abstract void WriteHeader(HttpRequestMessage request, SecretText token);

        /// <summary>
        /// A token the server issued, refused (UnexpectedResponse, with the call's status) when it could not be sent
        /// back as a header value: checked on arrival so the failure names the call that delivered it.
        /// </summary>
        protected static string AcceptIssued(string token, string subject, ApiRequest request, ApiResponse response, string recommendedAction) =>
            HeaderValues.Problem(token) is { } problem
                ? throw FailureBuilder.UnexpectedShape($"{subject}: the token the server issued contains {problem}; it is never sent back as a header, where it could add header lines or a second request.", request, response, recommendedAction)
                : token;

        /// <summary>
        /// A token and when it stops working; RefreshHandle is e.g. VCF's refresh-token id. It is renewed a little ahead
        /// of its expiry: a tenth of its lifetime, at most <see cref="MaximumRenewAhead"/>, so a short-lived token (20 s)
        /// is used for most of its life rather than renewed on every request, and a fresh one is never "expiring".
        /// </summary>
        protected internal sealed class IssuedToken
        {
            public static readonly TimeSpan MaximumRenewAhead = TimeSpan.FromSeconds(30);

            public const double RenewAheadFraction = 0.1;

            public IssuedToken(SecretText value, DateTimeOffset issuedAt, DateTimeOffset? expiresAt, SecretText? refreshHandle = null)
            {
                Value = value;
                ExpiresAt = expiresAt;
                RefreshHandle = refreshHandle;
                if (expiresAt is { } at)
                {
                    var ahead = TimeSpan.FromTicks((long)((at - issuedAt).Ticks * RenewAheadFraction));
                    RenewAt = at - (ahead < MaximumRenewAhead ? ahead : MaximumRenewAhead);
                }
            }

            public SecretText Value { get; }

            public DateTimeOffset? ExpiresAt { get; }

            /// <summary>From then on the token counts as expiring: the next request renews it first.</summary>
            public DateTimeOffset? RenewAt { get; }

            public SecretText? RefreshHandle { get; }

            public bool ExpiresSoon(DateTimeOffset now) => RenewAt is { } at && now >= at;

            public override string ToString() => "token (hidden)";
        }
    }
}
