using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using OperationsModule.Core.Models;

namespace OperationsModule.Core.Sessions
{
    /// <summary>
    /// The default session per system (like PowerCLI's $DefaultVIServer). Process-wide: a binary module's
    /// static state is shared by every runspace, which is also what lets ThreadJobs reuse a connection.
    /// </summary>
    public sealed class SessionStore
    {
        public static readonly SessionStore Default = new SessionStore();

        private readonly ConcurrentDictionary<OperationsSystem, OperationsSession> _sessions = new ConcurrentDictionary<OperationsSystem, OperationsSession>();

        public OperationsSession? Get(OperationsSystem system) => _sessions.TryGetValue(system, out var session) ? session : null;

        public IReadOnlyList<OperationsSession> All() => _sessions.Values.OrderBy(s => s.System).ToList();

        /// <summary>Makes the session the default for its system, disposing the one it replaces.</summary>
        public void Set(OperationsSession session)
        {
            OperationsSession? previous = null;
            _sessions.AddOrUpdate(session.System, session, (_, old) => { previous = old; return session; });
            if (previous is not null && !ReferenceEquals(previous, session)) previous.Dispose();
        }

        /// <summary>Closes the session; returns true when it was its system's default (and is no longer).</summary>
        public bool Remove(OperationsSession session)
        {
            var wasDefault = ((ICollection<KeyValuePair<OperationsSystem, OperationsSession>>)_sessions)
                .Remove(new KeyValuePair<OperationsSystem, OperationsSession>(session.System, session));
            session.Dispose();
            return wasDefault;
        }

        public OperationsSession? Remove(OperationsSystem system)
        {
            if (!_sessions.TryRemove(system, out var session)) return null;
            session.Dispose();
            return session;
        }
    }
}
