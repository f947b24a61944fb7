using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Sessions
{
    /// <summary>
    /// Decides, per piped item, which connection to use, first match wins:
    /// 1. a typed -Session or -BaseUri;
    /// 2. a typed -Credential or -Token without -BaseUri: the piped object's server (Server/BaseUri) with that secret;
    /// 3. the session carried by the piped object (so Submit-OutputCreation | Stop-OutputCreation reaches the
    ///    same server, also when Submit was given -BaseUri and -Credential);
    /// 4. the system's default session.
    /// Each connection resolved holds a lease on its session's connection for the rest of the invocation; ending the
    /// plan (<see cref="End"/>, or Dispose) releases them, and a release that closes a connection (a per-call login,
    /// or a session replaced or disconnected meanwhile) revokes its token there and reports to the plan's output.
    /// </summary>
    internal sealed class ConnectionPlan : IDisposable
    {
        private readonly ConnectionRequest _request;
        private readonly SessionStore _store;
        private readonly ResolvedConnection? _explicit;
        private readonly Dictionary<OperationsSession, ResolvedConnection> _bySession = new Dictionary<OperationsSession, ResolvedConnection>(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<string, ResolvedConnection> _byServer = new Dictionary<string, ResolvedConnection>(StringComparer.OrdinalIgnoreCase);
        private readonly IOperationsOutput? _closeOutput;
        private ResolvedConnection? _default;

        /// <summary>Throws OperationsApiException for explicit configuration that cannot work (bad BaseUri, wrong system).</summary>
        /// <param name="closeOutput">Where closes caused by this plan's releases report (revocation verbose lines and warnings).</param>
        public ConnectionPlan(ConnectionRequest request, SessionStore store, IOperationsOutput? closeOutput = null)
        {
            _request = request;
            _store = store;
            _closeOutput = closeOutput;
            if (request.Session is not null || request.BaseUri is not null)
                _explicit = Track(SessionResolver.Resolve(request, store));
            else if (request.Credential is not null || request.Token is not null)
                SessionResolver.ValidateSecrets(request); // refused before the first item, not once per item
        }

        public bool IsExplicit => _explicit is not null;

        /// <summary>This command's names (import prefix, running command), the same for every connection it resolves.</summary>
        public CommandNames Names => _request.Names ?? CommandNames.Plain;

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
                    resolved = Track(SessionResolver.Resolve(Copy(pipedSession), _store));
                    _bySession[pipedSession] = resolved;
                }
                return resolved;
            }
            // The piped object's server is only named in the NoSession advice: it is not used without a credential.
            return _default ??= Track(SessionResolver.Resolve(_request, _store, pipedServer));
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
                resolved = Track(SessionResolver.Resolve(request, _store));
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
            Names = _request.Names,
        };

        private ResolvedConnection Track(ResolvedConnection resolved)
        {
            resolved.CloseOutput = _closeOutput;
            resolved.Names = Names;
            return resolved;
        }

        /// <summary>
        /// The command ended: release every lease now, while the output can still be written to. Idempotent; a
        /// later item would lease again (a command never continues after this).
        /// </summary>
        public void End()
        {
            var resolved = new List<ResolvedConnection>();
            if (_explicit is not null) resolved.Add(_explicit);
            if (_default is not null) resolved.Add(_default);
            resolved.AddRange(_bySession.Values);
            resolved.AddRange(_byServer.Values);
            _default = null;
            _bySession.Clear();
            _byServer.Clear();
            foreach (var connection in resolved) connection.Release(_closeOutput);
        }

        public void Dispose() => End();

        private sealed class ReferenceEqualityComparer : IEqualityComparer<OperationsSession>
        {
            public static readonly ReferenceEqualityComparer Instance = new ReferenceEqualityComparer();

            public bool Equals(OperationsSession? x, OperationsSession? y) => ReferenceEquals(x, y);

            public int GetHashCode(OperationsSession obj) => RuntimeHelpers.GetHashCode(obj);
        }
    }
}
