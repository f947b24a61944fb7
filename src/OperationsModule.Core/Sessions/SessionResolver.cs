using System;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Systems;
using OperationsModule.Core.Validation;

namespace OperationsModule.Core.Sessions
{
    /// <summary>Turns what a cmdlet was given into a session and a transport for one invocation.</summary>
    public static class SessionResolver
    {
        public static ResolvedConnection Resolve(ConnectionRequest request, SessionStore store)
        {
            if (request.Session is not null && request.BaseUri is not null)
                throw new InputValidationException("BaseUri", "give either -Session or -BaseUri, not both.");
            ValidateSecrets(request);
            if (request.CustomerId is { } customer) IdValidator.ValidatePositive("CustomerId", customer);

            if (request.BaseUri is not null)
            {
                var session = CreateSession(request, persistent: false);
                return new ResolvedConnection(session, session.Transport, ownsSession: true, ownsTransport: false);
            }
            if (request.Credential is not null || request.Token is not null)
                throw new InputValidationException(request.Credential is not null ? "Credential" : "Token", "a credential or token needs -BaseUri (or connect first with Connect-OperationsServer).");

            var existing = request.Session ?? store.Get(request.System) ?? throw NoSession(request);
            if (existing.IsClosed && !existing.IsAdHoc)
                throw new InputValidationException("Session", $"the session {existing} was closed (by Disconnect-OperationsServer, or a newer Connect-OperationsServer replaced it); connect again or use Get-OperationsSession.");
            if (existing.System != request.System)
                throw new InputValidationException("Session", $"the session is for {existing.System}, but this command talks to {request.System}.");
            var options = ApplyOverrides(existing.Options.Clone(), request);
            // A closed ad hoc session was carried here by an object an earlier command made with -BaseUri: its
            // address, options, secret, login token and throttle gate live on, but its connections closed with that
            // command, so this invocation opens its own and closes them when it ends (it never holds a socket).
            // While the command that made it still runs (the same pipeline) its transport is simply shared.
            var ownsTransport = true;
            var transport = existing.IsClosed ? existing.Transport.WithNewClient(options) : existing.TransportFor(options, out ownsTransport);
            return new ResolvedConnection(existing, transport, ownsSession: false, ownsTransport: ownsTransport);
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

        private static OperationsApiException NoSession(ConnectionRequest request)
        {
            var example = SystemCatalog.Get(request.System).ExampleBaseUri;
            return new OperationsApiException(
                $"There is no {request.System} session. Run 'Connect-OperationsServer -System {request.System} -BaseUri {example} -Credential (Get-Credential)' first, or pass -BaseUri with -Credential or -Token to this command.",
                ErrorIds.NoSession, ErrorCategoryName.InvalidOperation)
            {
                RecommendedAction = $"Connect-OperationsServer -System {request.System} -BaseUri {example}",
            };
        }
    }

    /// <summary>The session and transport one invocation uses; disposes only what it created.</summary>
    public sealed class ResolvedConnection : IDisposable
    {
        private readonly bool _ownsSession;
        private readonly bool _ownsTransport;

        internal ResolvedConnection(OperationsSession session, ApiTransport transport, bool ownsSession, bool ownsTransport)
        {
            Session = session;
            Transport = transport;
            _ownsSession = ownsSession;
            _ownsTransport = ownsTransport;
        }

        public OperationsSession Session { get; }

        public ApiTransport Transport { get; }

        /// <summary>
        /// The session to attach to output objects for piping: a lasting one, or the ad hoc one of a per-call
        /// -BaseUri, which downstream commands reopen (see SessionResolver.ReopenAdHoc).
        /// </summary>
        public OperationsSession PipeableSession => Session;

        public void Dispose()
        {
            if (_ownsTransport) Transport.Dispose();
            if (_ownsSession) Session.Dispose();
        }
    }
}
