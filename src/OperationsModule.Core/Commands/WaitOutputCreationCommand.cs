using System;
using System.Threading;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Output;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.OLConnect;
using OperationsModule.Core.Validation;

namespace OperationsModule.Core.Commands
{
    /// <summary>
    /// Wait-OutputCreation without PowerShell: each piped operation (object or ID) is waited for in turn,
    /// and yields the completed operation, one error, or (after Ctrl+C) the warning that it keeps running.
    /// Waiting one at a time costs nothing: the server runs them all meanwhile, so later waits end quickly.
    /// </summary>
    internal sealed class WaitOutputCreationCommand : IPipedOperationCommand
    {
        private readonly ConnectionPlan _connections;
        private readonly WaitOptions _options;
        private readonly IOperationsOutput _output;
        private readonly CancellationToken _cancellationToken;
        private readonly SessionStore _store;

        public WaitOutputCreationCommand(ConnectionPlan connections, WaitOptions options, IOperationsOutput output, CancellationToken cancellationToken, SessionStore? store = null)
        {
            _connections = connections;
            _options = options;
            _output = output;
            _cancellationToken = cancellationToken;
            _store = store ?? SessionStore.Default;
        }

        /// <summary>
        /// Handles one piped item: an operation object, or an ID. Returns false once stopped (Ctrl+C).
        /// Throws OperationsApiException (NoSession) when there is no connection at all (terminating).
        /// </summary>
        public bool Process(OutputCreationOperation? operation, string? rawId, OperationsSession? pipedSession = null, Uri? pipedServer = null)
        {
            if (_cancellationToken.IsCancellationRequested) return false;
            if (!PipedOperation.TryResolve(_connections, operation, rawId, pipedSession, pipedServer, _output, out var connection, out var id)) return true;
            var target = operation ?? OutputCreationOperation.FromId(id, connection.Session.BaseUri, connection.PipeableSession);
            return Run(connection, target, _options, _output, _store, _cancellationToken);
        }

        /// <summary>Waits for one operation and writes its outcome; shared with Submit-OutputCreation -Wait.</summary>
        internal static bool Run(ResolvedConnection connection, OutputCreationOperation operation, WaitOptions options, IOperationsOutput output, SessionStore store, CancellationToken cancellationToken)
        {
            var id = operation.OperationId;
            WaitOutcome outcome;
            try
            {
                outcome = new OutputCreationWaiter(connection, options, output).Wait(operation, cancellationToken);
            }
            catch (OperationsApiException ex)
            {
                output.WriteFailure(new Failure(ex, id));
                return true;
            }
            switch (outcome)
            {
                case WaitOutcome.Completed:
                    output.WriteObject(operation);
                    return true;
                case WaitOutcome.TimedOut:
                    // The operation object, not its ID: it is the only output of this wait, so
                    // `$err.TargetObject | Wait-OutputCreation` resumes on the same server and login.
                    output.WriteFailure(new Failure(TimedOut(connection, operation, options, store), operation));
                    return true;
                default:
                    output.WriteWarning(OutputCreationAdvice.StoppedWaiting(id, connection, store));
                    return false;
            }
        }

        private static OperationsApiException TimedOut(ResolvedConnection connection, OutputCreationOperation operation, WaitOptions options, SessionStore store)
        {
            var id = operation.OperationId;
            var progress = operation.PercentComplete is { } percent ? $" (last progress {percent}%)" : string.Empty;
            return new OperationsApiException(
                $"OL Connect output creation operation '{id}' did not finish within {options.WaitTimeout.TotalSeconds:0.###} s (-WaitTimeoutSec){progress}. It keeps running on the server {connection.Session.BaseUri}.",
                ErrorIds.WaitTimedOut, ErrorCategoryName.OperationTimeout)
            {
                RequestUri = OlConnectPaths.Progress(connection.Session.BaseUri, id),
                Method = "GET",
                RecommendedAction = $"Keep waiting with: {OutputCreationAdvice.WaitCommand(id, connection, store)} -WaitTimeoutSec <seconds>; or cancel it with: {OutputCreationAdvice.StopCommand(id, connection, store)}",
            };
        }

        public void Dispose() => _connections.Dispose();
    }
}
