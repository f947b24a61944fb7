using System;
using OperationsModule.Core.Auth;
using OperationsModule.Core.Http.Runtime;
using OperationsModule.Core.Http.Throttling;

namespace OperationsModule.Core.Http
{
    /// <summary>
    /// The one place that decides when a session needs a new HttpClient: one per distinct <see cref="HandlerSettings"/>
    /// (certificate rule, proxy, TLS), while every client to the server passes the same throttle gate, so what the
    /// server announced or refused holds for every command and every client that talks to it.
    /// </summary>
    internal sealed class ConnectionFactory
    {
        private readonly Uri _server;

        public ConnectionFactory(Uri server) => _server = server;

        /// <summary>The server's throttle gate, shared by every client this factory opens.</summary>
        public ThrottleGate Gate { get; } = new ThrottleGate();

        /// <summary>Whether the server can be reached at all, shared the same way.</summary>
        public ServerReachability Reachability { get; } = new ServerReachability();

        /// <summary>A transport with a client of its own (opened on its first request), over the server's gate.</summary>
        /// <param name="reason">Why, for the -Verbose line when it opens; null for the session's own client.</param>
        public SendPipeline Open(HttpOptions options, IAuthenticator authenticator, string? reason = null) =>
            new SendPipeline(options, authenticator, new ConnectionClient(SettingsFor(options), _server, reason), Gate, Reachability);

        /// <summary>
        /// The transport for one command whose options may differ from the connection's: timeouts and retries apply per
        /// request, so equal handler settings share the connection's client; different ones get a client of their own,
        /// which <paramref name="owned"/> tells the caller to dispose.
        /// </summary>
        public SendPipeline PipelineFor(SendPipeline shared, HttpOptions callOptions, out bool owned)
        {
            owned = SettingsFor(callOptions) != SettingsFor(shared.Options);
            return owned
                ? Open(callOptions, shared.Authenticator, "for this command: its certificate, proxy or TLS settings differ from the session's")
                : shared.WithOptions(callOptions);
        }

        private static HandlerSettings SettingsFor(HttpOptions options) => HandlerSettings.For(options, RuntimeDescription.Current);
    }
}
