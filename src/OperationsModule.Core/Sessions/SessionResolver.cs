using System;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Systems;
using OperationsModule.Core.Validation;

namespace OperationsModule.Core.Sessions
{
    /// <summary>Turns what a cmdlet was given into a session and a transport for one invocation.</summary>
    internal static class SessionResolver
    {
        /// <param name="knownServer">The server a piped object names, for the NoSession advice only.</param>
        public static ResolvedConnection Resolve(ConnectionRequest request, SessionStore store, Uri? knownServer = null)
        {
            if (request.Session is not null && request.BaseUri is not null)
                throw new InputValidationException("BaseUri", "give either -Session or -BaseUri, not both.");
            ValidateSecrets(request);
            if (request.CustomerId is { } customer) IdValidator.ValidatePositive("CustomerId", customer);

            if (request.BaseUri is not null)
            {
                // A per-call login: its connection closes (VCF: its refresh token revoked) when the last command
                // holding it ends, that is this one, or one further down the pipeline that reuses what it wrote.
                var session = CreateSession(request, persistent: false);
                var lease = session.TryLease()!;
                return new ResolvedConnection(session, lease, lease.Transport, ownsTransport: false);
            }
            if (request.Credential is not null || request.Token is not null)
                throw new InputValidationException(request.Credential is not null ? "Credential" : "Token", "a credential or token needs -BaseUri (or connect first with Connect-OperationsServer).");

            var (existing, held) = Lease(request, store, knownServer);
            try
            {
                if (existing.System != request.System)
                    throw new InputValidationException("Session", $"the session is for {existing.System}, but this command talks to {request.System}.");
                var options = ApplyOverrides(existing.Options.Clone(), request);
                // A carried ad hoc session (an object an earlier command made with -BaseUri) reopens here with a
                // connection of its own when the command that made it has ended; while that command still runs (the
                // same pipeline) its connection is simply shared. Either way it closes when its last holder ends.
                var transport = existing.Connections.PipelineFor(held.Transport, options, out var ownsTransport);
                return new ResolvedConnection(existing, held, transport, ownsTransport);
            }
            catch
            {
                held.Release(null);
                throw;
            }
        }

        /// <summary>
        /// The session to use and a lease on its connection. A default session replaced or disconnected meanwhile (by
        /// another runspace) is looked up again; a typed -Session that was closed is refused.
        /// </summary>
        private static (OperationsSession Session, ConnectionLease Lease) Lease(ConnectionRequest request, SessionStore store, Uri? knownServer)
        {
            while (true)
            {
                var existing = request.Session ?? store.Get(request.System) ?? throw NoSessionAdvice.Create(request, knownServer);
                if (existing.TryLease() is { } lease) return (existing, lease);
                if (request.Session is not null)
                    throw new InputValidationException("Session", $"the session {existing} was closed (by Disconnect-OperationsServer, or a newer Connect-OperationsServer replaced it); connect again or use Get-OperationsSession.");
                // The default was replaced or disconnected between the look-up and the lease: look again. One closed
                // some other way (Dispose) but still registered is removed, so the next look-up says NoSession.
                if (ReferenceEquals(store.Get(request.System), existing)) store.Remove(existing);
            }
        }

        /// <summary>Refuses a credential together with a token.</summary>
        public static void ValidateSecrets(ConnectionRequest request)
        {
            if (request.Credential is not null && request.Token is not null)
                throw new InputValidationException("Token", "give either -Credential or -Token, not both.");
        }

        /// <summary>Builds a session from a BaseUri and credential (Connect-OperationsServer uses persistent: true).</summary>
        public static OperationsSession CreateSession(ConnectionRequest request, bool persistent)
        {
            var baseUri = BaseUriValidator.Validate("BaseUri", request.BaseUri);
            if (request.Credential is not null && string.IsNullOrEmpty(request.Credential.UserName))
                throw new InputValidationException("Credential", "the user name is empty.");
            if (request.Token is not null && request.Token.IsEmpty)
                throw new InputValidationException("Token", "the token is empty.");
            if (request.Token is not null) HeaderValues.CheckTyped("Token", "token", request.Token.Reveal());
            var options = new HttpOptions();
            if (!string.IsNullOrEmpty(request.DefaultUserAgent)) options.UserAgent = HeaderValues.CheckTyped("UserAgent", "User-Agent", request.DefaultUserAgent!);
            options = ApplyOverrides(options, request);
            var profile = SystemCatalog.Get(request.System);
            var authenticator = profile.CreateAuthenticator(baseUri, request.Credential, request.Token, persistent);
            return new OperationsSession(request.System, baseUri, options, authenticator, request.CustomerId, adHoc: !persistent);
        }

        private static HttpOptions ApplyOverrides(HttpOptions options, ConnectionRequest request)
        {
            if (request.TimeoutSec is { } timeout)
            {
                if (timeout < 1) throw new InputValidationException("TimeoutSec", $"{timeout} is not a number of seconds of 1 or more.");
                options.Timeout = TimeSpan.FromSeconds(timeout);
            }
            if (request.MaximumRetryCount is { } retries)
            {
                if (retries < 0) throw new InputValidationException("MaximumRetryCount", $"{retries} is negative.");
                options.MaximumRetryCount = retries;
            }
            if (request.RetryIntervalSec is { } interval)
            {
                if (interval < 0) throw new InputValidationException("RetryIntervalSec", $"{interval} is negative.");
                options.RetryInterval = TimeSpan.FromSeconds(interval);
            }
            if (request.SkipCertificateCheck) options.SkipCertificateCheck = true;
            if (request.AllowUnencryptedAuthentication) options.AllowUnencryptedAuthentication = true;
            ProxyValidator.Validate(request.Proxy, request.ProxyCredential, request.ProxyUseDefaultCredentials);
            if (request.Proxy is not null)
            {
                options.Proxy = request.Proxy;
                options.ProxyCredential = request.ProxyCredential;
                options.ProxyUseDefaultCredentials = request.ProxyUseDefaultCredentials;
            }
            if (!string.IsNullOrEmpty(request.UserAgent)) options.UserAgent = HeaderValues.CheckTyped("UserAgent", "User-Agent", request.UserAgent!);
            if (request.AdaptiveThrottling is { } adaptive) options.AdaptiveThrottling = adaptive;
            return options;
        }
    }

    /// <summary>
    /// The session and transport one invocation uses, with its lease on the session's connection: releasing it (at
    /// the command's end) closes the connection when it was the last holder of a retired or ad hoc one.
    /// </summary>
    internal sealed class ResolvedConnection : IDisposable
    {
        private readonly ConnectionLease _lease;
        private readonly bool _ownsTransport;
        private int _released;

        internal ResolvedConnection(OperationsSession session, ConnectionLease lease, SendPipeline transport, bool ownsTransport)
        {
            Session = session;
            _lease = lease;
            Transport = transport;
            _ownsTransport = ownsTransport;
        }

        public OperationsSession Session { get; }

        public SendPipeline Transport { get; }

        /// <summary>
        /// The session to attach to output objects for piping: a lasting one, or the ad hoc one of a per-call
        /// -BaseUri, which downstream commands reuse (and reopen once this command has ended).
        /// </summary>
        public OperationsSession PipeableSession => Session;

        /// <summary>The command names as the user imported them, for advice to copy (set by the command's ConnectionPlan).</summary>
        public CommandNames Names { get; internal set; } = CommandNames.Plain;

        /// <summary>Where the close reports when this release closes the connection (set by the command's ConnectionPlan).</summary>
        internal Output.IOperationsOutput? CloseOutput { get; set; }

        /// <summary>Ends this command's hold; a close it causes reports to <paramref name="output"/>.</summary>
        internal void Release(Output.IOperationsOutput? output)
        {
            if (System.Threading.Interlocked.Exchange(ref _released, 1) == 1) return;
            try
            {
                if (_ownsTransport) Transport.Dispose();
            }
            finally
            {
                _lease.Release(output);
            }
        }

        public void Dispose() => Release(CloseOutput);
    }
}
