using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Auth
{
    /// <summary>
    /// What the server said of one credential (one authenticator, so one session), so that a refused password locks
    /// no account: once refused, the command that met the refusal sends nothing more with it, and a later command tries
    /// it once more (one request, the trial, while the others wait for the outcome) before doing the same. A credential
    /// that every request tries (<see cref="IAuthenticator.EveryRequestTriesCredential"/>: Basic sends the password each
    /// time) is tried the same way until the server has answered for it: one request first, the others once it is
    /// accepted. An answer that says nothing of the credential (an outage, a
    /// limit) lets everyone go, so a server that is down at the start costs no concurrency. A command is known by its
    /// transport (each command resolves its own).
    /// </summary>
    internal sealed class CredentialRefusal
    {
        private static readonly ConditionalWeakTable<IAuthenticator, CredentialRefusal> All = new ConditionalWeakTable<IAuthenticator, CredentialRefusal>();

        private readonly object _sync = new object();
        private volatile bool _refused;

        // Set by the first answer that accepted the credential, or said nothing of it: from then on it is not tried first.
        private volatile bool _known;
        private OperationsApiException? _refusal;
        private object? _refusedIn;
        private TaskCompletionSource<bool>? _trial;

        // A credential a login or a token stands for is answered for by that login; one every request carries is not.
        public static CredentialRefusal For(IAuthenticator authenticator) =>
            All.GetValue(authenticator, a => new CredentialRefusal { _known = !a.EveryRequestTriesCredential });

        /// <summary>True when a request may go at once (what <see cref="EnterAsync"/> would say without waiting or a trial).</summary>
        public bool IsOpen => !_refused && _known;

        /// <summary>
        /// Lets a request with the credential go: at once when the server has answered for it and no refusal is remembered; as the trial when nobody is
        /// trying it (the trial is returned: the caller ends it with <see cref="Accepted"/>, <see cref="Refused"/> or
        /// <see cref="Inconclusive"/>); otherwise after the trial under way. Throws <see cref="CredentialRefusedException"/>
        /// when this command met a refusal.
        /// </summary>
        public async Task<object?> EnterAsync(object command, CancellationToken cancellationToken)
        {
            while (_refused || !_known)
            {
                Task wait;
                lock (_sync)
                {
                    if (_refusal is null && _known) return null;
                    if (_refusal is not null && ReferenceEquals(_refusedIn, command)) throw new CredentialRefusedException(_refusal);
                    if (_trial is null)
                    {
                        _trial = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                        return _trial;
                    }
                    wait = _trial.Task;
                }
                await Task.WhenAny(wait, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
            }
            return null;
        }

        /// <summary>Throws <see cref="CredentialRefusedException"/> when <paramref name="command"/> met a refusal (a login about to start checks this).</summary>
        public void ThrowIfRefusedIn(object command)
        {
            lock (_sync)
                if (_refusal is not null && ReferenceEquals(_refusedIn, command)) throw new CredentialRefusedException(_refusal);
        }

        /// <summary>The server answered a request with the credential as anything but a refusal of it.</summary>
        public void Accepted()
        {
            if (!_refused && _known) return;
            lock (_sync)
            {
                _known = true;
                _refused = false;
                _refusal = null;
                _refusedIn = null;
                EndTrial();
            }
        }

        /// <summary>The server refused the credential for what it is: nothing more with it in <paramref name="command"/>.</summary>
        public void Refused(object command, OperationsApiException refusal)
        {
            lock (_sync)
            {
                _refused = true;
                _refusal = refusal;
                _refusedIn = command;
                EndTrial();
            }
        }

        /// <summary>The trial said nothing about the credential (an outage, a timeout): the next waiter tries. No-op once it ended.</summary>
        public void Inconclusive(object? trial)
        {
            if (trial is null) return;
            lock (_sync)
            {
                if (!ReferenceEquals(_trial, trial)) return;
                // Never answered for, and still not: everyone goes (a refused credential keeps trying one at a time).
                if (!_refused) _known = true;
                EndTrial();
            }
        }

        /// <summary>A refusal of the credential itself, not of the request: 401, or a login refused as Unauthorized.</summary>
        public static bool IsRefusal(OperationsApiException failure) =>
            failure.ErrorId == ErrorIds.Unauthorized || failure is CredentialRefusedException;

        private void EndTrial()
        {
            var trial = _trial;
            _trial = null;
            trial?.TrySetResult(true);
        }
    }

    /// <summary>Raised instead of sending when this command already met the server's refusal of the credential.</summary>
    public sealed class CredentialRefusedException : OperationsApiException
    {
        public CredentialRefusedException(OperationsApiException refusal)
            : base("The credential was refused earlier in this command: " + refusal.Message, refusal.ErrorId, refusal.Category)
        {
            Refusal = refusal;
            Attempts = 0;
            RecommendedAction = refusal.RecommendedAction;
        }

        public OperationsApiException Refusal { get; }
    }
}
