using System;
using System.Net.Http;
using OperationsModule.Core.Http.Runtime;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Http
{
    /// <summary>
    /// One HttpClient (a bare invoker over the handler), opened on the first request that needs it, so the opening is
    /// said in that request's -Verbose, with the handler settings that made it.
    /// </summary>
    internal sealed class ConnectionClient : IDisposable
    {
        private readonly object _sync = new object();
        private readonly HandlerSettings? _settings;
        private readonly Uri? _server;
        private HttpMessageInvoker? _invoker;
        private bool _disposed;

        /// <param name="server">Named in the verbose line; null when the client may serve any server.</param>
        public ConnectionClient(HandlerSettings settings, Uri? server)
        {
            _settings = settings;
            _server = server;
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
                if (log.IsVerboseEnabled) log.WriteVerbose($"Opening a connection{(_server is null ? string.Empty : $" to {_server.Scheme}://{_server.Authority}")} ({_settings}).");
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
