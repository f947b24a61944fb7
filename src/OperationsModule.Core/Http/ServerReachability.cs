using System;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Http
{
    /// <summary>
    /// Whether the server can be reached at all, shared by every request to it (one per server, beside its throttle
    /// gate). When a connection cannot even be opened (refused, no such host), the requests that met it go on retrying:
    /// they are the probes. New requests hold until a probe gets any answer (the server is back: everyone goes on, a
    /// restart of a few seconds loses nothing) or a probe runs out of retries (the server is unreachable: every request
    /// of that command fails at once, unsent). A later command probes once more, the same way. This is the AWS SDKs'
    /// retry quota idea, keyed on the one failure that says nothing reached the server.
    /// </summary>
    internal sealed class ServerReachability
    {
        private readonly object _sync = new object();
        private volatile bool _reachable = true;
        private int _probes;
        private object? _unreachableIn;
        private OperationsApiException? _failure;
        private TaskCompletionSource<bool>? _settled;

        /// <summary>No request is probing the server, nor has one found it unreachable.</summary>
        public bool IsReachable => _reachable;

        /// <summary>
        /// Lets a request go now (reachable, or it becomes the probe after an earlier command found the server
        /// unreachable: <paramref name="probe"/> true), or holds it until the probes settle. Throws the unreachable
        /// record when this command already found the server unreachable.
        /// </summary>
        public async Task<bool> EnterAsync(object command, Func<OperationsApiException, OperationsApiException> unsent, CancellationToken cancellationToken)
        {
            while (!_reachable)
            {
                Task wait;
                lock (_sync)
                {
                    if (_reachable) break;
                    if (_failure is not null)
                    {
                        if (ReferenceEquals(_unreachableIn, command)) throw unsent(_failure);
                        // Another command found it unreachable: this one tries once more, one probe while the rest hold.
                        _failure = null;
                        _unreachableIn = null;
                        _probes++;
                        _settled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                        return true;
                    }
                    wait = _settled!.Task;
                }
                await Task.WhenAny(wait, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
            }
            return false;
        }

        /// <summary>A request could not connect and will try again: it is a probe, and new requests hold from now.</summary>
        public void ProbeStarted()
        {
            lock (_sync)
            {
                _probes++;
                if (!_reachable) return;
                _reachable = false;
                _settled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        /// <summary>Any answer came: the server is reachable, and every request held goes on.</summary>
        public void Reached()
        {
            if (_reachable) return;
            lock (_sync)
            {
                _reachable = true;
                _failure = null;
                _unreachableIn = null;
                Settle();
            }
        }

        /// <summary>A probe ran out of retries without ever connecting: the server is unreachable for this command.</summary>
        public void Unreachable(object command, OperationsApiException failure)
        {
            lock (_sync)
            {
                if (_reachable) return;
                _failure = failure;
                _unreachableIn = command;
                Settle();
            }
        }

        /// <summary>A probe ended (however): when it was the last and nothing was decided, the held requests try themselves.</summary>
        public void ProbeEnded()
        {
            lock (_sync)
            {
                if (--_probes > 0 || _reachable || _failure is not null) return;
                _reachable = true;
                Settle();
            }
        }

        private void Settle()
        {
            var settled = _settled;
            _settled = null;
            settled?.TrySetResult(true);
        }
    }
}
