using System;
using System.Threading;
using OperationsModule.Core.Http;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Sessions
{
    /// <summary>
    /// One command's hold on a session's connection, from the first item that uses it to the command's end: a handle
    /// that releases its one count on the <see cref="SessionConnection"/> once. While any lease is held, replacing or
    /// disconnecting the session only retires the connection: the commands holding it finish on it, and the last
    /// release closes it (revocation included).
    /// </summary>
    internal sealed class ConnectionLease : IDisposable
    {
        private readonly SessionConnection _connection;
        private int _released;

        internal ConnectionLease(SessionConnection connection) => _connection = connection;

        internal SendPipeline Transport => _connection.Transport;

        /// <summary>
        /// Ends the hold; when it was the last on a retired connection, closes it here, writing what the close did
        /// (a revocation's verbose line or warning) to <paramref name="output"/> (null: nowhere).
        /// </summary>
        public void Release(IOperationsOutput? output, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref _released, 1) == 1) return;
            _connection.Release(output, cancellationToken);
        }

        public void Dispose() => Release(null);
    }
}
