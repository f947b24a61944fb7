using System;
using System.Net.Http;
using OperationsModule.Core.Http.Runtime;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Http
{
    /// <summary>
    /// One HttpClient (a bare invoker over the handler), opened on the first request that needs it, so that an opening
    /// worth a line (a client beside the session's own, for other handler settings) is said in that request's -Verbose.
    /// </summary>
    internal sealed class ConnectionClient : IDisposable
    {
        private readonly object _sync = new object();
        private readonly HandlerSettings? _settings;
        private readonly Uri? _server;
        private readonly string? _reason;
        private HttpMessageInvoker? _invoker;
        private bool _disposed;

        /// <param name="server">The server it talks to, named in the verbose line.</param>
        /// <param name="reason">Why this client is opened, for -Verbose; null opens it silently (a session's first client).</param>
        public ConnectionClient(HandlerSettings settings, Uri? server, string? reason = null)
        {
            _settings = settings;
            _server = server;
            _reason = reason;
        }

        private ConnectionClient(HttpMessageInvoker invoker) => _invoker = invoker;

        /// <summary>A client made elsewhere (a test's, or one built for another runtime's settings).</summary>
        public static ConnectionClient Opened(HttpMessageInvoker invoker) => new ConnectionClient(invoker);

        public HttpMessageInvoker Invoker(ILogSink log)
        {
            var invoker = System.Threading.Volatile.Read(ref _invoker);
            return invoker ?? Open(log);
        }

        private HttpMessageInvoker Open(ILogSink log)
        {
            lock (_sync)
            {
                if (_invoker is { } opened) return opened;
                if (_disposed) throw new ObjectDisposedException(nameof(ConnectionClient), "The connection was closed.");
                if (_reason is not null && log.IsVerboseEnabled)
                    log.WriteVerbose($"Opening a connection{(_server is null ? string.Empty : $" to {_server.Scheme}://{_server.Authority}")} {_reason} ({_settings}).");
                var invoker = HttpClientFactory.CreateInvoker(_settings!);
                System.Threading.Volatile.Write(ref _invoker, invoker);
                return invoker;
            }
        }

        public void Dispose()
        {
            HttpMessageInvoker? invoker;
            lock (_sync)
            {
                _disposed = true;
                invoker = _invoker;
            }
            invoker?.Dispose();
        }
    }
}
