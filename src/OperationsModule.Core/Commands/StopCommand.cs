using System;
using System.Collections.Generic;
using System.Linq;
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
    internal sealed class StopCommand : IDisposable
    {
        private readonly ICancelEndpoint _endpoint;
        private readonly ConnectionPlan _connections;
        private readonly BulkEngine _engine;
        private readonly IOperationsOutput _output;
        private readonly BulkProgress _progress;

        /// <summary>-Wait: accepted cancels are read until final before their result is written; null without -Wait.</summary>
        private Waiting.CancelConfirmation? _confirmation;

        /// <summary>Items refused before any request (their failures are already written).</summary>
        private long _refused;

        /// <summary>IDs of a typed list that a stop came before: never handed to the engine, so named here.</summary>
        private readonly List<string?> _notTaken = new List<string?>();

        /// <summary>How the system's items are read (for the command a stopped run's warning gives); null when none.</summary>
        public Waiting.IItemStateReader? StateReader { get; set; }

        /// <summary>The gate of the connection the last item went to: the bar says when the server throttles.</summary>
        private Http.Throttling.ThrottleGate? _throttle;

        /// <summary>Write-Progress activity ID of bulk cancels: stable, so one bar is reused.</summary>
        public const int ProgressActivityId = 6001;

        public StopCommand(ICancelEndpoint endpoint, ConnectionPlan connections, int throttleLimit, IOperationsOutput output, CancellationToken cancellationToken, IWaitClock? clock = null)
        {
            _endpoint = endpoint;
            _connections = connections;
            _output = output;
            _engine = new BulkEngine(throttleLimit, cancellationToken, ErrorAction.StopsAtFailure(output));
            _cancellationToken = cancellationToken;
            _what = $"{endpoint.System} {endpoint.Kind}";
            _actionPrefix = $"Cancel {_what} (";
            _progress = new BulkProgress(ProgressActivityId, $"Cancelling {_what} items", clock);
        }

        /// <summary>
        /// -Wait: from now on each accepted cancel is read with <paramref name="reader"/> until its state is final, and
        /// its result carries that state. Call before the first item.
        /// </summary>
        public void ConfirmWith(Waiting.IItemStateReader reader, Waiting.WaitSchedule schedule)
        {
            _confirmation = new Waiting.CancelConfirmation(reader, schedule, _engine.ThrottleLimit, _what, _output, _cancellationToken);
        }

        /// <summary>The -Wait stage, for diagnostics and tests; null without -Wait.</summary>
        public Waiting.CancelConfirmation? Confirmation => _confirmation;

        private readonly CancellationToken _cancellationToken;

        /// <summary>Where the cancel engine writes: the -Wait stage's intake, or the output itself.</summary>
        private IOperationsOutput CancelOutput => _confirmation?.Intake ?? _output;

        // Formatted once: an enum's ToString per piped item is measurable in a bulk run.
        private readonly string _actionPrefix;

        /// <summary>The system and kind, as in "Vcf Task".</summary>
        private readonly string _what;

        /// <summary>
        /// Handles one piped item. Returns false when the run was stopped. Throws OperationsApiException
        /// (NoSession) when no connection exists at all: that fails every item, so it is terminating.
        /// <paramref name="pipedServer"/> is the piped object's Server, used with a typed credential or token.
        /// </summary>
        public bool Process(string? rawId, CancelArguments? arguments = null, OperationsSession? pipedSession = null, Uri? pipedServer = null)
        {
            arguments ??= CancelArguments.None;
            Http.ApiRequest request;
            string id;
            var connection = _connections.For(pipedSession, pipedServer);
            try
            {
                id = _endpoint.ValidateId(rawId);
                request = _endpoint.BuildRequest(connection.Session, id, arguments);
            }
            catch (InputValidationException ex)
            {
                _refused++;
                _engine.WriteFailure(new Failure(ex, rawId), _output);
                return true;
            }
            if (!_output.ShouldProcess(id, string.Concat(_actionPrefix, request.Method.Method, " ", UriText.ForDisplay(request.Uri), ")")))
                return true;
            var cancel = new CancelCall(_endpoint, connection, request, id, arguments);
            var added = _confirmation is null
                ? _engine.Add(id, cancel.SendAsync, cancel.Result, _output)
                : _engine.Add(id, async (log, token) => new Waiting.AcceptedCancel(await cancel.CancelAsync(log, token).ConfigureAwait(false), connection), CancelOutput);
            _throttle = connection.Transport.Throttle;
            ReportProgress();
            return added;
        }

        /// <summary>
        /// The run stopped while handling ids[<paramref name="from"/> - 1]: the IDs after it in the same record (a typed list)
        /// were never handed on, and the warnings at Dispose name them.
        /// </summary>
        public void NotTaken(IReadOnlyList<string?> ids, int from)
        {
            for (var i = from; i < ids.Count; i++) _notTaken.Add(ids[i]);
        }

        private void ReportProgress() => _progress.Report(_output, _engine.Completed + _refused, _engine.InFlight, _throttle);

        /// <summary>Writes what finished meanwhile; ProcessRecord calls it so output streams.</summary>
        public void Flush()
        {
            _engine.Flush(CancelOutput);
            _confirmation?.Flush();
        }

        /// <summary>Before a terminating error: starts nothing more and writes the results of the requests in flight.</summary>
        public void Drain()
        {
            _engine.Drain(CancelOutput);
            _confirmation?.Complete();
        }

        /// <summary>Waits for the items in flight, writing their results. False when the run was stopped.</summary>
        public bool Complete()
        {
            // Each result moves the bar while the last items finish: an input shorter than the engine's queue is
            // taken at once, and the bar would otherwise stand still until the end.
            var completed = _engine.Complete(new ReportingOutput(CancelOutput, ReportProgress));
            if (completed) _progress.Finish(_output);
            return completed && (_confirmation?.Complete() ?? true);
        }

        /// <summary>Progress records written (throttled), for diagnostics and tests.</summary>
        public int ProgressUpdates => _progress.Written;

        /// <summary>The engine, for diagnostics and tests (in-flight counts, peak concurrency).</summary>
        public BulkEngine Engine => _engine;

        public void Dispose()
        {
            if (_engine.IsStopped) NameLeftovers();
            _engine.Dispose();
            _confirmation?.Dispose();
            _connections.Dispose();
        }

        /// <summary>
        /// A stopped run writes nothing more, yet it took items it never wrote: each is named by what became of it (some of
        /// that work did happen). With -Wait, accepted cancels join the wait stage's own warning.
        /// </summary>
        private void NameLeftovers()
        {
            var leftovers = _engine.TakeLeftovers(BulkEngine.StoppedRequestsGrace);
            _confirmation?.StoppedBeforeWaiting(leftovers.Results.OfType<Waiting.AcceptedCancel>());
            Func<string, string>? readAgain = StateReader is { } reader ? id => reader.ReadAgainCommand(id, _connections.Names) : null;
            foreach (var warning in StoppedRunWarnings.For(leftovers, _notTaken, _what, readAgain)) _output.WriteWarning(warning);
        }
    }
}
