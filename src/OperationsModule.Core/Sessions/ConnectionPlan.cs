using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace OperationsModule.Core.Sessions
{
    /// <summary>
    /// Decides, per piped item, which connection to use: an explicit -Session or -BaseUri always wins;
    /// otherwise a session carried by the piped object (so Submit-OutputCreation | Stop-OutputCreation
    /// reaches the same server); otherwise the system's default session. Resolved connections are reused.
    /// </summary>
    public sealed class ConnectionPlan : IDisposable
    {
        private readonly ConnectionRequest _request;
        private readonly SessionStore _store;
        private readonly ResolvedConnection? _explicit;
        private readonly Dictionary<OperationsSession, ResolvedConnection> _bySession = new Dictionary<OperationsSession, ResolvedConnection>(ReferenceEqualityComparer.Instance);
        private ResolvedConnection? _default;

        /// <summary>Throws OperationsApiException for explicit configuration that cannot work (bad BaseUri, wrong system).</summary>
        public ConnectionPlan(ConnectionRequest request, SessionStore store)
        {
            _request = request;
            _store = store;
            if (request.Session is not null || request.BaseUri is not null || request.Credential is not null || request.Token is not null)
                _explicit = SessionResolver.Resolve(request, store);
        }

        public bool IsExplicit => _explicit is not null;

        /// <summary>The connection for one item; throws OperationsApiException (NoSession) when there is none.</summary>
        public ResolvedConnection For(OperationsSession? pipedSession)
        {
            if (_explicit is not null) return _explicit;
            if (pipedSession is not null && pipedSession.System == _request.System)
            {
                if (!_bySession.TryGetValue(pipedSession, out var resolved))
                {
                    resolved = SessionResolver.Resolve(CopyWithSession(pipedSession), _store);
                    _bySession[pipedSession] = resolved;
                }
                return resolved;
            }
            return _default ??= SessionResolver.Resolve(_request, _store);
        }

        private ConnectionRequest CopyWithSession(OperationsSession session) => new ConnectionRequest(_request.System)
        {
            Session = session,
            CustomerId = _request.CustomerId,
            TimeoutSec = _request.TimeoutSec,
            MaximumRetryCount = _request.MaximumRetryCount,
            RetryIntervalSec = _request.RetryIntervalSec,
            SkipCertificateCheck = _request.SkipCertificateCheck,
            AllowUnencryptedAuthentication = _request.AllowUnencryptedAuthentication,
            Proxy = _request.Proxy,
            UserAgent = _request.UserAgent,
            AdaptiveThrottling = _request.AdaptiveThrottling,
        };

        public void Dispose()
        {
            _explicit?.Dispose();
            _default?.Dispose();
            foreach (var resolved in _bySession.Values) resolved.Dispose();
        }

        private sealed class ReferenceEqualityComparer : IEqualityComparer<OperationsSession>
        {
            public static readonly ReferenceEqualityComparer Instance = new ReferenceEqualityComparer();

            public bool Equals(OperationsSession? x, OperationsSession? y) => ReferenceEquals(x, y);

            public int GetHashCode(OperationsSession obj) => RuntimeHelpers.GetHashCode(obj);
        }
    }
}
