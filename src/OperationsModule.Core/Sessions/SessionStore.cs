using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using OperationsModule.Core.Models;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Sessions
{
    /// <summary>
    /// The default session per system (like PowerCLI's $DefaultVIServer). Process-wide: a binary module's
    /// static state is shared by every runspace, which is also what lets ThreadJobs reuse a connection.
    /// The one place a default session is dropped (replaced by Set, or removed): the dropped session is retired,
    /// so commands still holding it (in any runspace) finish on it, and its connection closes, revocation
    /// included, when the last of them ends, or at once when none runs.
    /// </summary>
    internal sealed class SessionStore
    {
        public static readonly SessionStore Default = new SessionStore();

        private readonly ConcurrentDictionary<OperationsSystem, OperationsSession> _sessions = new ConcurrentDictionary<OperationsSystem, OperationsSession>();

        public OperationsSession? Get(OperationsSystem system) => _sessions.TryGetValue(system, out var session) ? session : null;

        public IReadOnlyList<OperationsSession> All() => _sessions.Values.OrderBy(s => s.System).ToList();

        /// <summary>
        /// Makes the session the default for its system and retires the one it replaces (see the class remarks);
        /// a close done at once reports to <paramref name="output"/>. Returns the replaced session, if any.
        /// </summary>
        public OperationsSession? Set(OperationsSession session, IOperationsOutput? output = null, CancellationToken cancellationToken = default)
        {
            OperationsSession? previous = null;
            _sessions.AddOrUpdate(session.System, session, (_, old) => { previous = old; return session; });
            if (previous is null || ReferenceEquals(previous, session)) return null;
            Retire(previous, output, "replaced", cancellationToken);
            return previous;
        }

        /// <summary>Retires the session (see the class remarks); returns true when it was its system's default (and is no longer).</summary>
        /// <param name="revoke">False: close without revoking what its login left valid on the server.</param>
        public bool Remove(OperationsSession session, IOperationsOutput? output = null, CancellationToken cancellationToken = default, bool revoke = true)
        {
            var wasDefault = ((ICollection<KeyValuePair<OperationsSystem, OperationsSession>>)_sessions)
                .Remove(new KeyValuePair<OperationsSystem, OperationsSession>(session.System, session));
            Retire(session, output, "disconnected", cancellationToken, revoke);
            return wasDefault;
        }

        public OperationsSession? Remove(OperationsSystem system, IOperationsOutput? output = null, CancellationToken cancellationToken = default)
        {
            if (!_sessions.TryRemove(system, out var session)) return null;
            Retire(session, output, "disconnected", cancellationToken);
            return session;
        }

        private static void Retire(OperationsSession session, IOperationsOutput? output, string how, CancellationToken cancellationToken, bool revoke = true)
        {
            var revokes = revoke && SessionRevocation.Plan(session).Count > 0;
            var stillHeld = session.Retire(output, cancellationToken, revoke);
            if (stillHeld == 0 || output is null) return;
            output.WriteVerbose($"The {how} session {session} is still used by {Output.Counted.Of(stillHeld, "running command")}: {(stillHeld == 1 ? "it finishes" : "they finish")} on it, and it closes"
                + (revokes ? " (revoking what its login left valid on the server)" : string.Empty) + (stillHeld == 1 ? " when it ends." : " when the last of them ends."));
        }
    }
}
