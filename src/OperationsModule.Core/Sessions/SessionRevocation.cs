using System;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Auth;
using OperationsModule.Core.Engine;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Sessions
{
    /// <summary>
    /// Best-effort revocation on disconnect: whatever the server says (or if it says nothing), the session still
    /// closes locally; a failure is one warning, never an error record, because the user's intent (stop using
    /// this session) has been carried out either way.
    /// </summary>
    internal static class SessionRevocation
    {
        /// <summary>The call Disconnect would send for this session, or null when it holds nothing to revoke.</summary>
        public static Revocation? Plan(OperationsSession session) =>
            session.IsClosed ? null : (session.Authenticator as IRevocableAuthenticator)?.BuildRevocation();

        public static void Send(OperationsSession session, Revocation revocation, IOperationsOutput output, CancellationToken cancellationToken)
        {
            var request = revocation.Request;
            // Async continuations may run off the pipeline thread: collect their log lines and replay them here.
            var log = new DeferredLogSink(output);
            string? problem;
            try
            {
                var response = Task.Run(() => session.Transport.SendAsync(request, log, cancellationToken), cancellationToken).GetAwaiter().GetResult();
                problem = response.IsSuccess
                    ? null
                    : FailureBuilder.FromResponse(request, response, revocation.ErrorParser, $"Revoking {revocation.What} failed").Message;
            }
            catch (OperationsApiException ex)
            {
                // Transport messages start with the method and URL ("DELETE https://... failed: could not connect").
                problem = $"Revoking {revocation.What} failed: {ex.Message}";
            }
            catch (OperationCanceledException)
            {
                problem = $"Revoking {revocation.What} failed: {request.Describe()} was cancelled.";
            }
            finally
            {
                log.Replay();
                ((IRevocableAuthenticator)session.Authenticator).Forget();
            }

            if (problem is null)
                output.WriteVerbose($"Revoked {revocation.What} ({request.Describe()}).");
            else
                output.WriteWarning($"{problem} The session is closed here anyway; {revocation.What} stays valid on the server until it expires.");
        }
    }
}
