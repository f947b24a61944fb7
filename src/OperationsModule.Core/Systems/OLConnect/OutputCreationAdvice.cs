using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Systems.OLConnect
{
    /// <summary>The exact commands to offer when a wait ends early: the operation keeps running on the server.</summary>
    internal static class OutputCreationAdvice
    {
        public static string StopCommand(string operationId, ResolvedConnection connection, SessionStore store) =>
            connection.Names.Named("Stop", "OutputCreation") + " -OperationId " + Quote(operationId) + ConnectionArguments(connection, store);

        public static string WaitCommand(string operationId, ResolvedConnection connection, SessionStore store) =>
            connection.Names.Named("Wait", "OutputCreation") + " -OperationId " + Quote(operationId) + ConnectionArguments(connection, store);

        public static string StoppedWaiting(string operationId, ResolvedConnection connection, SessionStore store) =>
            $"Stopped waiting for OL Connect output creation operation '{operationId}'. The operation keeps running on the server {connection.Session.BaseUri}. "
            + $"To cancel it, run: {StopCommand(operationId, connection, store)}";

        /// <summary>
        /// The default session needs nothing; another lasting session is passed as -Session; an ad hoc
        /// (per-call) connection needs its address again and the same kind of secret (which is never printed).
        /// </summary>
        private static string ConnectionArguments(ResolvedConnection connection, SessionStore store)
        {
            var session = connection.Session;
            if (!session.IsAdHoc)
                return ReferenceEquals(store.Get(session.System), session) ? string.Empty : " -Session $session";
            var text = " -BaseUri " + Quote(session.BaseUri.AbsoluteUri);
            if (session.AuthenticationKind == "Basic" || session.AuthenticationKind == "Login") text += " -Credential $credential";
            else if (session.AuthenticationKind == "Token") text += " -Token $token";
            if (session.AllowUnencryptedAuthentication && session.AuthenticationKind != "None") text += " -AllowUnencryptedAuthentication";
            if (session.SkipCertificateCheck) text += " -SkipCertificateCheck";
            return text;
        }

        /// <summary>A PowerShell single-quoted literal: nothing inside is expanded.</summary>
        public static string Quote(string value) => "'" + value.Replace("'", "''") + "'";
    }
}
