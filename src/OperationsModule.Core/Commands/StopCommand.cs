using System;
using System.Threading;
using OperationsModule.Core.Engine;
using OperationsModule.Core.Http;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Output;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Commands
{
    /// <summary>
    /// Everything a Stop-* cmdlet does, without PowerShell: validate each ID, ask ShouldProcess with the
    /// method and URL, run the cancel through the bulk engine, and write one result or one failure per item.
    /// </summary>
    public sealed class StopCommand : IDisposable
    {
        private readonly ICancelEndpoint _endpoint;
        private readonly ConnectionPlan _connections;
        private readonly BulkEngine _engine;
        private readonly IOperationsOutput _output;

        public StopCommand(ICancelEndpoint endpoint, ConnectionPlan connections, int throttleLimit, IOperationsOutput output, CancellationToken cancellationToken)
        {
            _endpoint = endpoint;
            _connections = connections;
            _output = output;
            _engine = new BulkEngine(throttleLimit, cancellationToken);
            _actionPrefix = $"Cancel {endpoint.System} {endpoint.Kind} (";
        }

        // Formatted once: an enum's ToString per piped item is measurable in a bulk run.
        private readonly string _actionPrefix;

        /// <summary>
        /// Handles one piped item. Returns false when the run was stopped. Throws OperationsApiException
        /// (NoSession) when no connection exists at all: that fails every item, so it is terminating.
        /// </summary>
        public bool Process(string? rawId, CancelArguments? arguments = null, OperationsSession? pipedSession = null)
        {
            arguments ??= CancelArguments.None;
            Http.ApiRequest request;
            string id;
            var connection = _connections.For(pipedSession);
            try
            {
                id = _endpoint.ValidateId(rawId);
                request = _endpoint.BuildRequest(connection.Session, id, arguments);
            }
            catch (InputValidationException ex)
            {
                _output.WriteFailure(new Failure(ex, rawId));
                return true;
            }
            if (!_output.ShouldProcess(id, string.Concat(_actionPrefix, request.Method.Method, " ", UriText.ForDisplay(request.Uri), ")")))
                return true;
            return _engine.Add(id, (log, token) => CancelClient.CancelAsync(_endpoint, connection, request, id, arguments, log, token), _output);
        }

        /// <summary>Writes what finished meanwhile; ProcessRecord calls it so output streams.</summary>
        public void Flush() => _engine.Flush(_output);

        /// <summary>Waits for the items in flight, writing their results. False when the run was stopped.</summary>
        public bool Complete() => _engine.Complete(_output);

        /// <summary>The engine, for diagnostics and tests (in-flight counts, peak concurrency).</summary>
        public BulkEngine Engine => _engine;

        public void Dispose()
        {
            _engine.Dispose();
            _connections.Dispose();
        }
    }
}
