using System;
using OperationsModule.Core.Auth;
using OperationsModule.Core.Http;
using OperationsModule.Core.Http.Runtime;
using OperationsModule.Core.Models;

namespace OperationsModule.Core.Sessions
{
    /// <summary>
    /// A connection to one server of one system: its address, options and credentials, with one
    /// HttpClient for connection reuse. No public member exposes a secret.
    /// </summary>
    public sealed class OperationsSession : IDisposable
    {
        private readonly Lazy<ApiTransport> _transport;

        internal OperationsSession(OperationsSystem system, Uri baseUri, HttpOptions options, IAuthenticator authenticator, long? customerId = null, bool adHoc = false)
        {
            IsAdHoc = adHoc;
            System = system;
            BaseUri = baseUri;
            Options = options;
            Authenticator = authenticator;
            CustomerId = customerId;
            CreatedAt = DateTimeOffset.Now;
            _transport = new Lazy<ApiTransport>(() => new ApiTransport(options, authenticator));
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

        /// <summary>Set by Disconnect-OperationsServer or when a newer Connect replaced this default session.</summary>
        internal bool IsClosed { get; private set; }

        internal IAuthenticator Authenticator { get; }

        internal ApiTransport Transport => _transport.Value;

        /// <summary>
        /// A transport for one invocation whose per-call options differ. Timeouts and retries are applied
        /// per request, so the HttpClient (and its connections) is shared; different handler settings (certificate
        /// or proxy policy) need their own client, which the caller disposes.
        /// </summary>
        internal ApiTransport TransportFor(HttpOptions callOptions, out bool ownsTransport)
        {
            ownsTransport = HandlerSettings.For(callOptions, RuntimeDescription.Current) != HandlerSettings.For(Options, RuntimeDescription.Current);
            if (ownsTransport) return new ApiTransport(callOptions, Authenticator);
            return ReferenceEquals(callOptions, Options) ? Transport : Transport.WithOptions(callOptions);
        }

        public override string ToString() =>
            $"{System} {BaseUri} ({AuthenticationKind}{(UserName is null ? string.Empty : " as " + UserName)})";

        public void Dispose()
        {
            IsClosed = true;
            if (_transport.IsValueCreated) _transport.Value.Dispose();
        }
    }
}
