using OperationsModule.Core.Http;

namespace OperationsModule.Core.Sessions
{
    /// <summary>
    /// One open connection of a session (its HttpClient, through <see cref="Transport"/>) and the commands that
    /// hold it. Once retired it takes no new leases, and it closes when its last lease ends (at once when none is
    /// held). Ad hoc connections retire themselves when idle. Not thread-safe: the owning session locks around it.
    /// </summary>
    internal sealed class SessionConnection
    {
        private readonly bool _retiresWhenIdle;
        private int _leases;
        private bool _retired;
        private bool _closing;

        public SessionConnection(ApiTransport transport, bool retiresWhenIdle)
        {
            Transport = transport;
            _retiresWhenIdle = retiresWhenIdle;
        }

        public ApiTransport Transport { get; }

        /// <summary>Commands holding this connection now.</summary>
        public int Leases => _leases;

        /// <summary>True while it takes new leases.</summary>
        public bool IsOpen => !_retired && !_closing;

        public bool TryAcquire()
        {
            if (!IsOpen) return false;
            _leases++;
            return true;
        }

        /// <summary>Ends one lease. True when the caller must now close the connection (it was the last one and the connection is retired).</summary>
        public bool Release()
        {
            _leases--;
            if (_leases > 0 || _closing) return false;
            if (_retiresWhenIdle) _retired = true;
            if (!_retired) return false;
            _closing = true;
            return true;
        }

        /// <summary>No new leases from now. True when the caller must close it now (nobody holds it); false when it closes with its last lease, or already closed.</summary>
        public bool Retire()
        {
            if (_closing) return false;
            _retired = true;
            if (_leases > 0) return false;
            _closing = true;
            return true;
        }
    }
}
