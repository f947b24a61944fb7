using System.Threading;
using OperationsModule.Core.Http;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Sessions
{
    /// <summary>
    /// One open connection of a session (its HttpClient, through <see cref="Transport"/>): the one object that counts the
    /// commands holding it and decides when it closes. Once retired it takes no new leases, and it closes when its last
    /// lease ends (at once when none is held). Ad hoc connections retire themselves when idle.
    /// </summary>
    internal sealed class SessionConnection
    {
        /// <summary>How the owning session closes a connection (revocation, then the HttpClient): called once, outside any lock.</summary>
        internal delegate void CloseAction(SessionConnection connection, IOperationsOutput? output, CancellationToken cancellationToken);

        private readonly object _gate = new object();
        private readonly bool _retiresWhenIdle;
        private readonly CloseAction _close;
        private int _leases;
        private bool _retired;
        private bool _closing;

        public SessionConnection(SendPipeline transport, bool retiresWhenIdle, CloseAction close)
        {
            Transport = transport;
            _retiresWhenIdle = retiresWhenIdle;
            _close = close;
        }

        public SendPipeline Transport { get; }

        /// <summary>Commands holding this connection now.</summary>
        public int Leases
        {
            get
            {
                lock (_gate) return _leases;
            }
        }

        /// <summary>True while it takes new leases.</summary>
        public bool IsOpen
        {
            get
            {
                lock (_gate) return !_retired && !_closing;
            }
        }

        /// <summary>A hold for one command; null once the connection takes no new leases (retired or closing).</summary>
        public ConnectionLease? TryLease()
        {
            lock (_gate)
            {
                if (_retired || _closing) return null;
                _leases++;
            }
            return new ConnectionLease(this);
        }

        /// <summary>
        /// Ends one lease (through its <see cref="ConnectionLease"/>, once); when it was the last on a retired connection,
        /// closes it here, writing what the close did to <paramref name="output"/> (null: nowhere).
        /// </summary>
        internal void Release(IOperationsOutput? output, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                _leases--;
                if (_leases > 0 || _closing) return;
                if (_retiresWhenIdle) _retired = true;
                if (!_retired) return;
                _closing = true;
            }
            _close(this, output, cancellationToken);
        }

        /// <summary>
        /// No new leases from now; closes at once when nobody holds it, else with its last lease. Returns the number
        /// of commands still holding it.
        /// </summary>
        public int Retire(IOperationsOutput? output, CancellationToken cancellationToken)
        {
            int held;
            lock (_gate)
            {
                held = _leases;
                if (_closing) return held;
                _retired = true;
                if (held > 0) return held;
                _closing = true;
            }
            _close(this, output, cancellationToken);
            return 0;
        }
    }
}
