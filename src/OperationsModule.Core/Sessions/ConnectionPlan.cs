using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Sessions
{
    /// <summary>
    /// Decides, per piped item, which connection to use, first match wins:
    /// 1. a typed -Session or -BaseUri;
    /// 2. a typed -Credential or -Token without -BaseUri: the piped object's server (Server/BaseUri) with that secret;
    /// 3. the session carried by the piped object (so Submit-OutputCreation | Stop-OutputCreation reaches the
    ///    same server, also when Submit was given -BaseUri and -Credential);
    /// 4. the system's default session.
    /// Resolved connections are reused for the rest of the invocation and disposed with it.
    /// </summary>
    public sealed class ConnectionPlan : IDisposable
    {
        private readonly ConnectionRequest _request;
        private readonly SessionStore _store;
        private readonly ResolvedConnection? _explicit;
        private readonly Dictionary<OperationsSession, ResolvedConnection> _bySession = new Dictionary<OperationsSession, ResolvedConnection>(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<string, ResolvedConnection> _byServer = new Dictionary<string, ResolvedConnection>(StringComparer.OrdinalIgnoreCase);
        private ResolvedConnection? _default;

        /// <summary>Throws OperationsApiException for explicit configuration that cannot work (bad BaseUri, wrong system).</summary>
        public ConnectionPlan(ConnectionRequest request, SessionStore store)
        {
            _request = request;
            _store = store;
            if (request.Session is not null || request.BaseUri is not null)
                _explicit = SessionResolver.Resolve(request, store);
            else if (request.Credential is not null || request.Token is not null)
                SessionResolver.ValidateSecrets(request); // refused before the first item, not once per item
        }

        public bool IsExplicit => _explicit is not null;

        private bool SecretWithoutServer => _explicit is null && (_request.Credential is not null || _request.Token is not null);

        /// <summary>
        /// The connection for one item. Throws OperationsApiException: NoSession when there is none, or
        /// InvalidParameter when a credential or token was given and neither -BaseUri nor the piped object names a server.
        /// </summary>
        public ResolvedConnection For(OperationsSession? pipedSession, Uri? pipedServer = null)
        {
            if (_explicit is not null) return _explicit;
            if (SecretWithoutServer) return ForPipedServer(pipedServer ?? pipedSession?.BaseUri);
            if (pipedSession is not null && pipedSession.System == _request.System)
            {
                if (!_bySession.TryGetValue(pipedSession, out var resolved))
                {
                    resolved = SessionResolver.Resolve(Copy(pipedSession), _store);
                    _bySession[pipedSession] = resolved;
                }
                return resolved;
            }
            return _default ??= SessionResolver.Resolve(_request, _store);
        }

        private ResolvedConnection ForPipedServer(Uri? server)
        {
            if (server is null)
                throw new InputValidationException(_request.Credential is not null ? "Credential" : "Token",
                    "a credential or token needs -BaseUri, or piped objects that name their server (a Server or BaseUri property); or connect first with Connect-OperationsServer.");
            var key = server.OriginalString;
            if (!_byServer.TryGetValue(key, out var resolved))
            {
                var request = Copy(session: null);
                request.BaseUri = key;
                request.Credential = _request.Credential;
                request.Token = _request.Token;
                resolved = SessionResolver.Resolve(request, _store);
                _byServer[key] = resolved;
            }
            return resolved;
        }

        private ConnectionRequest Copy(OperationsSession? session) => new ConnectionRequest(_request.System)
        {
            Session = session,
            CustomerId = _request.CustomerId,
            TimeoutSec = _request.TimeoutSec,
            MaximumRetryCount = _request.MaximumRetryCount,
            RetryIntervalSec = _request.RetryIntervalSec,
            SkipCertificateCheck = _request.SkipCertificateCheck,
            AllowUnencryptedAuthentication = _request.AllowUnencryptedAuthentication,
            Proxy = _request.Proxy,
            ProxyCredential = _request.ProxyCredential,
            ProxyUseDefaultCredentials = _request.ProxyUseDefaultCredentials,
            UserAgent = _request.UserAgent,
            DefaultUserAgent = _request.DefaultUserAgent,
            AdaptiveThrottling = _request.AdaptiveThrottling,
        };

        public void Dispose()
        {
            _explicit?.Dispose();
            _default?.Dispose();
            foreach (var resolved in _bySession.Values) resolved.Dispose();
            foreach (var resolved in _byServer.Values) resolved.Dispose();
        }

        private sealed class ReferenceEqualityComparer : IEqualityComparer<OperationsSession>
        {
            public static readonly ReferenceEqualityComparer Instance = new ReferenceEqualityComparer();

            public bool Equals(OperationsSession? x, OperationsSession? y) => ReferenceEquals(x, y);

            public int GetHashCode(OperationsSession obj) => RuntimeHelpers.GetHashCode(obj);
        }
    }
}
