using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace OperationsModule.Core.Tests.Infrastructure
{
    /// <summary>
    /// A server on a free loopback port that hands each accepted connection to <see cref="ServeAsync"/>, for tests that
    /// need bytes on the wire no HTTP framework would write. Disposing stops accepting, cancels <see cref="Stopping"/>
    /// and waits for every connection to end.
    /// </summary>
    internal abstract class LoopbackSocketServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly List<Task> _connections = new List<Task>();
        private Task? _accepting;

        protected LoopbackSocketServer()
        {
            _listener.Start();
            BaseUri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        }

        public Uri BaseUri { get; }

        /// <summary>Cancelled when the server is disposed: a connection's reads and writes end with it.</summary>
        protected CancellationToken Stopping => _stop.Token;

        /// <summary>Starts accepting; called by the derived constructor once its own fields are set.</summary>
        protected void StartAccepting() => _accepting = AcceptAsync();

        /// <summary>Serves one connection; the client is disposed when this returns.</summary>
        protected abstract Task ServeAsync(TcpClient client);

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                lock (_connections) _connections.Add(ServeAndCloseAsync(client));
            }
        }

        private async Task ServeAndCloseAsync(TcpClient client)
        {
            using var _ = client;
            try
            {
                await ServeAsync(client);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
            }
        }

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _listener.Stop();
            if (_accepting is not null) await _accepting;
            Task[] connections;
            lock (_connections) connections = _connections.ToArray();
            await Task.WhenAll(connections);
            _stop.Dispose();
        }
    }
}
