using System;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Engine;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Models;
using OperationsModule.Core.Output;
using OperationsModule.Core.Systems;

namespace OperationsModule.Core.Sessions
{
    /// <summary>
    /// Connect-OperationsServer without PowerShell: validate everything before the wire, refuse secrets over
    /// http:// up front, verify the credentials with one authenticated call (logging in where the system uses
    /// login tokens), then make the session the default for its system, closing the one it replaces.
    /// </summary>
    internal static class ConnectCommand
    {
        /// <summary>
        /// Returns the new default session, or null when ShouldProcess declined (-WhatIf). Throws
        /// OperationsApiException (InputValidationException for bad input) when the connection cannot be made.
        /// </summary>
        public static OperationsSession? Connect(ConnectionRequest request, ConnectOptions options, SessionStore store, IOperationsOutput output, CancellationToken cancellationToken)
        {
            if (request.Session is not null) throw new InputValidationException("Session", "Connect-OperationsServer creates a session; it does not take one.");
            if (request.Credential is not null && request.Token is not null)
                throw new InputValidationException("Token", "give either -Credential or -Token, not both.");
            RequireSupported(request.System);
            if (request.CustomerId is not null && !SystemTraits.UsesCustomerId(request.System))
                throw new InputValidationException("CustomerId", $"only BigChange uses a customer id; {request.System} does not.");
            if (request.CustomerId is { } customer) Validation.IdValidator.ValidatePositive("CustomerId", customer);
            // A session without its customer would fail every command, each blaming a -CustomerId nobody typed: refuse here.
            else if (SystemTraits.UsesCustomerId(request.System))
                throw InputValidationException.Missing("CustomerId", Systems.BigChange.BigChangeAdvice.CustomerIdRequired + " Connect with -CustomerId <id>.");

            var session = SessionResolver.CreateSession(request, persistent: true);
            try
            {
                RefuseUnencryptedSecrets(session);
                var verifier = SystemCatalog.Get(request.System) as ISessionVerifier;
                var probe = options.SkipVerification ? null : verifier?.BuildProbe(session);
                var action = $"Connect to {request.System}{(session.UserName is null ? string.Empty : " as " + session.UserName)}"
                    + (probe is null ? " (without verifying)" : $" (verify with {probe.Describe()})")
                    + Replacing(store.Get(request.System));
                if (!output.ShouldProcess(UriText.ForDisplay(session.BaseUri), action))
                {
                    session.Retire(output);
                    return null;
                }
                if (probe is not null) Verify(session, probe, verifier!, output, cancellationToken);
                else if (!options.SkipVerification) output.WriteVerbose($"{request.System} has no verification call; the credentials are checked on the first command.");

                // The session this one replaces closes the way Disconnect-OperationsServer closes it (revocation
                // included), at once or, when commands still hold it, as the last of them ends.
                store.Set(session, output, cancellationToken);
                output.WriteVerbose($"Connected to {session}. Commands for {request.System} use this session unless given -Session or -BaseUri.");
                if (options.PassThru) output.WriteObject(session);
                return session;
            }
            catch
            {
                // A login that succeeded before the verification failed still left a token to revoke.
                session.Retire(output);
                throw;
            }
        }

        /// <summary>-WhatIf and -Confirm name the session this Connect would close, and the revocation it would send.</summary>
        private static string Replacing(OperationsSession? current)
        {
            if (current is null) return string.Empty;
            var revocation = SessionRevocation.Describe(SessionRevocation.Plan(current));
            return revocation is null
                ? $", closing the current session {current}"
                : $", closing the current session {current} ({revocation})";
        }

        private static void Verify(OperationsSession session, ApiRequest probe, ISessionVerifier verifier, IOperationsOutput output, CancellationToken cancellationToken)
        {
            // Async continuations may run off the pipeline thread: collect their log lines and replay them here.
            var log = new DeferredLogSink(output);
            try
            {
                var response = Task.Run(() => session.Transport.SendAsync(probe, log, cancellationToken), cancellationToken).GetAwaiter().GetResult();
                if (!verifier.IsVerified(session, response))
                    throw FailureBuilder.FromResponse(probe, response, verifier.ErrorParser, $"Connecting to {session.System} at {UriText.ForDisplay(session.BaseUri)} failed");
            }
            finally
            {
                log.Replay();
            }
        }

        /// <summary>Checked here too (not only per request) so -SkipVerification cannot store a session that will leak later.</summary>
        private static void RefuseUnencryptedSecrets(OperationsSession session)
        {
            if (!session.Authenticator.SendsSecrets || session.Options.AllowUnencryptedAuthentication) return;
            if (string.Equals(session.BaseUri.Scheme, "https", StringComparison.OrdinalIgnoreCase)) return;
            throw new OperationsApiException(
                $"Refusing to connect to {UriText.ForDisplay(session.BaseUri)} with credentials over unencrypted {session.BaseUri.Scheme}://. Use an https:// address, or pass -AllowUnencryptedAuthentication if you accept that the secret can be read on the network.",
                ErrorIds.UnencryptedAuthentication, ErrorCategoryName.SecurityError)
            {
                RequestUri = session.BaseUri,
                Attempts = 0,
                RecommendedAction = "Use https://, or add -AllowUnencryptedAuthentication for a trusted test network.",
            };
        }

        private static void RequireSupported(OperationsSystem system)
        {
            try
            {
                SystemCatalog.Get(system);
            }
            catch (NotSupportedException)
            {
                throw new InputValidationException("System", $"{system} is not supported by this version of the module.");
            }
        }
    }
}
