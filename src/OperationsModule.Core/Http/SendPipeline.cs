using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Auth;
using OperationsModule.Core.Http.Pipeline;
using OperationsModule.Core.Http.Runtime;
using OperationsModule.Core.Http.Throttling;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Http
{
    /// <summary>
    /// What sessions hand out to send requests: one connection's client, throttle gate and authenticator, and the send
    /// steps (Http/Pipeline, ordered in <see cref="SendOrder"/>) each call runs through: the call count, redirects, the
    /// hold while an unreachable server is probed, retries, the connection-limit wait, the proxy's refusal, the
    /// credential-transport rule, authentication, the throttle gate, the message, logging, the wire.
    /// </summary>
    internal sealed class SendPipeline : IDisposable
    {
        private readonly ConnectionClient? _client;
        private readonly ITerminalSender _terminal;
        private readonly Func<double> _jitter;
        private readonly bool _sharesClient;
        private readonly IReadOnlyList<SendStep> _steps;
        private readonly IReadOnlyList<SendStep> _anonymousSteps;

        /// <param name="client">An HttpClient or a bare invoker; by default one built from the options (see HttpClientFactory.CreateInvoker).</param>
        public SendPipeline(HttpOptions options, IAuthenticator authenticator, HttpMessageInvoker? client = null, Func<double>? jitter = null)
            : this(options, authenticator, client is null ? new ConnectionClient(HandlerSettings.For(options, RuntimeDescription.Current), null) : ConnectionClient.Opened(client), null, jitter, new ThrottleGate(), new ServerReachability(), sharesClient: false)
        {
        }

        /// <summary>A transport over a scripted terminal sender (tests): every step but the wire.</summary>
        internal SendPipeline(HttpOptions options, IAuthenticator authenticator, ITerminalSender terminal, ThrottleGate? throttle = null, Func<double>? jitter = null)
            : this(options, authenticator, null, terminal, jitter, throttle ?? new ThrottleGate(), new ServerReachability(), sharesClient: true)
        {
        }

        /// <summary>A client the <see cref="ConnectionFactory"/> opened, over the server's gate.</summary>
        internal SendPipeline(HttpOptions options, IAuthenticator authenticator, ConnectionClient client, ThrottleGate throttle, ServerReachability reachability)
            : this(options, authenticator, client, null, null, throttle, reachability, sharesClient: false)
        {
        }

        private SendPipeline(HttpOptions options, IAuthenticator authenticator, ConnectionClient? client, ITerminalSender? terminal, Func<double>? jitter, ThrottleGate throttle, ServerReachability reachability, bool sharesClient)
        {
            Reachability = reachability;
            Options = options;
            Authenticator = authenticator;
            Throttle = throttle;
            _client = client;
            _terminal = terminal ?? new HttpSender(client!, options);
            _jitter = jitter ?? SharedJitter();
            _sharesClient = sharesClient;
            // Built once: a call allocates its context, not a list of steps.
            _steps = SendOrder.For(this, authenticator, _jitter);
            _anonymousSteps = SendOrder.For(this, null, _jitter);
        }

        public HttpOptions Options { get; }

        /// <summary>The connection's back-off gate and adaptive limits: one per client, so per server.</summary>
        public ThrottleGate Throttle { get; }

        public IAuthenticator Authenticator { get; }

        /// <summary>Whether the server can be reached at all: shared like the gate, so a dead server is found once.</summary>
        internal ServerReachability Reachability { get; }

        /// <summary>Same client, connections and throttle gate, other per-request options (timeout, retries).</summary>
        internal SendPipeline WithOptions(HttpOptions options) =>
            new SendPipeline(options, Authenticator, _client, _client is null ? _terminal : null, _jitter, Throttle, Reachability, sharesClient: true);

        /// <summary>
        /// Sends until an answer is final (see <see cref="SendOrder"/> for what each step adds). An anonymous request (a
        /// login, a refresh, a revocation) runs through the same steps without authentication.
        /// </summary>
        public Task<ApiResponse> SendAsync(ApiRequest request, ILogSink log, CancellationToken cancellationToken) =>
            SendOrder.RunCall(StepsFor(request.Anonymous), _terminal, new SendContext(request, log, cancellationToken));

        /// <summary>The steps every call of this transport runs through: with authentication, or without (logins, refreshes, revocations).</summary>
        internal IReadOnlyList<SendStep> StepsFor(bool anonymous) => anonymous ? _anonymousSteps : _steps;

        private static Func<double> SharedJitter()
        {
            var random = new Random();
            var sync = new object();
            return () => { lock (sync) return random.NextDouble(); };
        }

        public void Dispose()
        {
            if (!_sharesClient) _client?.Dispose();
        }
    }
}
