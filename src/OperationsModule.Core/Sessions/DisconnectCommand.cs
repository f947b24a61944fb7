using System.Collections.Generic;
using System.Linq;
using System.Threading;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Sessions
{
    /// <summary>
    /// Disconnect-OperationsServer without PowerShell: revokes what a session's login left valid on the server
    /// (VCF's refresh token; best-effort, see SessionRevocation), closes sessions (their HttpClient and any login
    /// token) and removes them as defaults. A session that running commands still hold closes when the last ends. A system without a session is a non-terminating error, like Remove-Item
    /// on a missing path.
    /// </summary>
    internal static class DisconnectCommand
    {
        /// <summary>Closes the given session (piped or -Session). Returns true when it was closed.</summary>
        /// <param name="revoke">False (-SkipRevocation): close without the revocation calls.</param>
        public static bool Disconnect(OperationsSession session, SessionStore store, IOperationsOutput output, bool passThru = false, CancellationToken cancellationToken = default, bool revoke = true)
        {
            var revocation = revoke ? SessionRevocation.Describe(SessionRevocation.Plan(session)) : null;
            // -WhatIf names the call it would send, so a user can see that disconnecting talks to the server.
            var action = revocation is null ? "Disconnect" : $"Disconnect ({revocation})";
            if (!output.ShouldProcess(session.ToString(), action)) return false;
            // Revokes and closes at once, or, while commands (in any runspace) still hold the session, lets them
            // finish on it and closes it as the last of them ends.
            var wasDefault = store.Remove(session, output, cancellationToken, revoke);
            output.WriteVerbose(wasDefault ? $"Disconnected {session}; {session.System} has no default session now." : $"Closed {session} (it was not the default session).");
            if (passThru) output.WriteObject(session);
            return true;
        }

        /// <summary>Closes the default session of each system given, or of every system when none is given.</summary>
        public static int Disconnect(IReadOnlyCollection<OperationsSystem>? systems, SessionStore store, IOperationsOutput output, bool passThru = false, CancellationToken cancellationToken = default, bool revoke = true)
        {
            var closed = 0;
            if (systems is null || systems.Count == 0)
            {
                foreach (var session in store.All())
                    if (Disconnect(session, store, output, passThru, cancellationToken, revoke)) closed++;
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
                if (Disconnect(session, store, output, passThru, cancellationToken, revoke)) closed++;
            }
            return closed;
        }
    }
}
