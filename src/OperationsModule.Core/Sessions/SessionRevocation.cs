using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Auth;
using OperationsModule.Core.Engine;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Sessions
{
    /// <summary>
    /// Best-effort revocation when a connection closes: whatever the server says (or if it says nothing), the
    /// connection still closes locally; a failure is one warning, never an error record, because the user's intent
    /// (stop using this session) has been carried out either way. Bounded by <see cref="DefaultTimeout"/>, so a
    /// revocation never holds up a stopping command (Ctrl+C) for longer.
    /// </summary>
    internal static class SessionRevocation
    {
        /// <summary>The most a revocation may take, whatever the session's -TimeoutSec and retries.</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

        /// <summary>The calls a close would send for this session now; empty when it holds nothing to revoke.</summary>
        public static IReadOnlyList<Revocation> Plan(OperationsSession session) =>
            !session.IsClosed && session.Authenticator is IRevocableAuthenticator revocable ? revocable.BuildRevocations() : Array.Empty<Revocation>();

        /// <summary>For -WhatIf and -Confirm: "revoke the SDDC Manager refresh token: DELETE https://...", or null when there is nothing to revoke.</summary>
        public static string? Describe(IReadOnlyList<Revocation> revocations) =>
            revocations.Count == 0 ? null : string.Join("; ", revocations.Select(r => r.ToString()));

        /// <summary>
        /// Sends each revocation through <paramref name="transport"/>, forgetting each revoked token. All of them
        /// together are cancelled by <paramref name="cancellationToken"/> (a Ctrl+C on Disconnect) or after <paramref name="timeout"/>.
        /// </summary>
        public static void Send(SendPipeline transport, IRevocableAuthenticator authenticator, IReadOnlyList<Revocation> revocations, IOperationsOutput output, TimeSpan timeout, CancellationToken cancellationToken)
        {
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bounded.CancelAfter(timeout);
            foreach (var revocation in revocations)
                Send(transport, authenticator, revocation, output, timeout, cancellationToken, bounded.Token);
        }

        private static void Send(SendPipeline transport, IRevocableAuthenticator authenticator, Revocation revocation, IOperationsOutput output, TimeSpan timeout, CancellationToken cancellationToken, CancellationToken bounded)
        {
            var request = revocation.Request;
            // Async continuations may run off the pipeline thread: collect their log lines and replay them here.
            var log = new DeferredLogSink(output);
            string? problem;
            try
            {
                var response = Task.Run(() => transport.SendAsync(request, log, bounded), bounded).GetAwaiter().GetResult();
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
                problem = cancellationToken.IsCancellationRequested
                    ? $"Revoking {revocation.What} failed: {request.Describe()} was cancelled."
                    : $"Revoking {revocation.What} failed: {request.Describe()} got no answer within {timeout.TotalSeconds:0.###} s.";
            }
            catch (Exception ex)
            {
                // Best-effort means no exception of any kind turns the command that ends here into a failure.
                problem = $"Revoking {revocation.What} failed: {request.Describe()} could not be sent ({ex.GetType().Name}).";
            }
            finally
            {
                log.Replay();
                authenticator.Forget(revocation);
            }

            if (problem is null)
                output.WriteVerbose($"Revoked {revocation.What} ({request.Describe()}).");
            else
                output.WriteWarning($"{problem} The session is closed here anyway; {revocation.What} stays valid on the server until it expires.");
        }
    }
}
