using System.Collections.Generic;
using System.Linq;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Sessions
{
    /// <summary>
    /// Disconnect-OperationsServer without PowerShell: closes sessions (their HttpClient and any login token)
    /// and removes them as defaults. A system without a session is a non-terminating error, like Remove-Item
    /// on a missing path.
    /// </summary>
    public static class DisconnectCommand
    {
        /// <summary>Closes the given session (piped or -Session). Returns true when it was closed.</summary>
        public static bool Disconnect(OperationsSession session, SessionStore store, IOperationsOutput output, bool passThru = false)
        {
            if (!output.ShouldProcess(session.ToString(), "Disconnect")) return false;
            var wasDefault = store.Remove(session);
            output.WriteVerbose(wasDefault ? $"Disconnected {session}; {session.System} has no default session now." : $"Closed {session} (it was not the default session).");
            if (passThru) output.WriteObject(session);
            return true;
        }

        /// <summary>Closes the default session of each system given, or of every system when none is given.</summary>
        public static int Disconnect(IReadOnlyCollection<OperationsSystem>? systems, SessionStore store, IOperationsOutput output, bool passThru = false)
        {
            var closed = 0;
            if (systems is null || systems.Count == 0)
            {
                foreach (var session in store.All())
                    if (Disconnect(session, store, output, passThru)) closed++;
                return closed;
            }
            foreach (var system in systems.Distinct())
            {
                var session = store.Get(system);
                if (session is null)
                {
                    output.WriteFailure(new Failure(new OperationsApiException(
                        $"There is no {system} session to disconnect.", ErrorIds.NoSession, ErrorCategoryName.ObjectNotFound)
                    {
                        RecommendedAction = "Get-OperationsSession lists the open sessions.",
                    }, system));
                    continue;
                }
                if (Disconnect(session, store, output, passThru)) closed++;
            }
            return closed;
        }
    }
}
