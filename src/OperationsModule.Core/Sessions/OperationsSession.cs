using System;
using System.Threading;
using OperationsModule.Core.Auth;
using OperationsModule.Core.Http;
using OperationsModule.Core.Models;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Sessions
{
    /// <summary>
    /// A connection to one server of one system: its address, options and credentials, with one
    /// HttpClient for connection reuse. No public member exposes a secret.
    /// </summary>
    /// <remarks>
    /// Commands hold the session's connection through a <see cref="ConnectionLease"/> until they end. Dropping the
    /// session (a newer Connect-OperationsServer, Disconnect-OperationsServer) retires it: no new leases, and the
    /// connection closes (VCF: its refresh token revoked) when the last lease ends, or at once when none is held.
    /// An ad hoc session (a per-call -BaseUri) closes its connection whenever no command holds it, and opens a new
    /// one for the next command that reuses it (so that command logs in again, and revokes again at its end).
    /// </remarks>
    public sealed class OperationsSession : IDisposable
    {
        private readonly object _gate = new object();
        private SessionConnection? _connection;
        private bool _retired;
        private bool _skipRevocation;

        internal OperationsSession(OperationsSystem system, Uri baseUri, HttpOptions options, IAuthenticator authenticator, long? customerId = null, bool adHoc = false)
        {
            IsAdHoc = adHoc;
            System = system;
            BaseUri = baseUri;
            Options = options;
            Authenticator = authenticator;
            CustomerId = customerId;
            CreatedAt = DateTimeOffset.Now;
            Connections = new ConnectionFactory(baseUri);
        }

        public OperationsSystem System { get; }

        public Uri BaseUri { get; }

        /// <summary>None, Basic, Token, Login or ClientCredentials.</summary>
        public string AuthenticationKind => Authenticator.Kind;

        public string? UserName => Authenticator.UserName;

        /// <summary>BigChange's Customer-Id (the tenant), when the system needs one.</summary>
        public long? CustomerId { get; }

        public int TimeoutSec => (int)Math.Ceiling(Options.Timeout.TotalSeconds);

        public int MaximumRetryCount => Options.MaximumRetryCount;

        public double RetryIntervalSec => Options.RetryInterval.TotalSeconds;

        public bool SkipCertificateCheck => Options.SkipCertificateCheck;

        public bool AllowUnencryptedAuthentication => Options.AllowUnencryptedAuthentication;

        public Uri? Proxy => Options.Proxy;

        public string UserAgent => Options.UserAgent;

        public DateTimeOffset CreatedAt { get; }

        /// <summary>
        /// Made by one command's -BaseUri rather than by Connect-OperationsServer. Objects that command wrote carry
        /// it, and later commands reuse its address and secret, each with connections of its own that close when
        /// it ends; it lives as long as an object references it, and is never a default session.
        /// </summary>
        public bool IsAdHoc { get; }

        internal HttpOptions Options { get; }

        /// <summary>
        /// A lasting session: set by Disconnect-OperationsServer or when a newer Connect replaced it (commands that
        /// still hold it finish on it). An ad hoc one: no command holds its connection now.
        /// </summary>
        internal bool IsClosed
        {
            get
            {
                lock (_gate) return IsAdHoc ? _connection is null || !_connection.IsOpen : _retired;
            }
        }

        /// <summary>How long a revocation may take when this session's connection closes (tests shorten it).</summary>
        internal TimeSpan RevocationTimeout { get; set; } = SessionRevocation.DefaultTimeout;

        internal IAuthenticator Authenticator { get; }

        /// <summary>Opens this session's clients; one throttle gate for the server, whatever client a command uses.</summary>
        internal ConnectionFactory Connections { get; }

        /// <summary>Commands holding the session's connection now.</summary>
        internal int ActiveLeases
        {
            get
            {
                lock (_gate) return _connection?.Leases ?? 0;
            }
        }

        /// <summary>
        /// The connection's transport (opened if needed), for diagnostics and tests; commands take a lease instead.
        /// </summary>
        internal SendPipeline Transport
        {
            get
            {
                lock (_gate)
                {
                    if (_connection is null || (!_connection.IsOpen && !_retired)) _connection = Open();
                    return _connection.Transport;
                }
            }
        }

        /// <summary>
        /// Holds the session's connection for one command until the lease is released. Null when the session is
        /// closed for good (a lasting session that was disconnected or replaced). An ad hoc session reopens.
        /// </summary>
        internal ConnectionLease? TryLease()
        {
            lock (_gate)
            {
                if (_retired) return null;
                if (_connection?.TryLease() is { } lease) return lease;
                _connection = Open();
                return _connection.TryLease()!;
            }
        }

        /// <summary>
        /// A lasting session takes no new command from now (an ad hoc one only closes its current connection). The
        /// connection closes at once when no command holds it, writing what the close did to <paramref name="output"/>;
        /// otherwise when the last holder releases it. Returns the number of commands still holding it.
        /// </summary>
        /// <param name="revoke">False: close without the revocation calls (a test's reset, where the server forgot the tokens anyway).</param>
        internal int Retire(IOperationsOutput? output, CancellationToken cancellationToken = default, bool revoke = true)
        {
            SessionConnection? connection;
            lock (_gate)
            {
                if (!revoke) _skipRevocation = true;
                if (!IsAdHoc) _retired = true;
                connection = _connection;
            }
            // The connection decides, under its own lock, whether it closes now or with its last lease.
            return connection?.Retire(output, cancellationToken) ?? 0;
        }

        /// <summary>
        /// How a connection of this session closes, once, when it decides to: revokes what the login left valid
        /// (best-effort, bounded), then closes the HttpClient.
        /// </summary>
        private void Close(SessionConnection connection, IOperationsOutput? output, CancellationToken cancellationToken)
        {
            try
            {
                if (!_skipRevocation && Authenticator is IRevocableAuthenticator revocable && revocable.BuildRevocations() is { Count: > 0 } revocations)
                    SessionRevocation.Send(connection.Transport, revocable, revocations, output ?? SilentOutput.Instance, RevocationTimeout, cancellationToken);
            }
            finally
            {
                connection.Transport.Dispose();
            }
        }

        /// <summary>
        /// A new connection: an ad hoc session reopening keeps the server's throttle gate (one per server, so a
        /// Retry-After hold outlives the command that met it).
        /// </summary>
        private SessionConnection Open() => new SessionConnection(Connections.Open(Options, Authenticator), retiresWhenIdle: IsAdHoc, Close);

        public override string ToString() =>
            $"{System} {BaseUri} ({AuthenticationKind}{(UserName is null ? string.Empty : " as " + UserName)})";

        /// <summary>Closes the session as Disconnect-OperationsServer does (revocation included), without writing anything.</summary>
        public void Dispose() => Retire(null);
    }
}
