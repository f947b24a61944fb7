using System;
using System.Net.Http;
using System.Threading;
using OperationsModule.Core.Engine;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Models;
using OperationsModule.Core.Output;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Systems.OLConnect
{
    internal enum WaitOutcome
    {
        /// <summary>The operation finished and its result paths are on the operation object.</summary>
        Completed,

        /// <summary>The caller cancelled (Ctrl+C); the operation keeps running on the server.</summary>
        Stopped,

        /// <summary>The wait's own time bound passed; the operation keeps running on the server.</summary>
        TimedOut,
    }

    /// <summary>
    /// Polls GET getProgress/{id} (text: 0-100, then "done") until done, reporting progress, then fetches the
    /// paths with POST getResultTxt/{id}. Runs on the caller's (pipeline) thread, blocking between polls, so
    /// progress and log lines reach the output port from the one thread allowed to write.
    /// OL Connect 2024.2 drops a finished operation from its list, so getProgress answers 404 once it is done:
    /// a 404 after progress was seen means "probably done, fetch the result". A 404 before any progress is
    /// answered by the result probe: a result means it finished before the first poll; none means NotFound.
    /// </summary>
    internal sealed class OutputCreationWaiter
    {
        /// <summary>Write-Progress activity ID: stable, so successive waits reuse one progress bar.</summary>
        public const int ProgressActivityId = 6006;

        private readonly ResolvedConnection _connection;
        private readonly WaitOptions _options;
        private readonly IOperationsOutput _output;

        public OutputCreationWaiter(ResolvedConnection connection, WaitOptions options, IOperationsOutput output)
        {
            _connection = connection;
            _options = options;
            _output = output;
        }

        /// <summary>Throws OperationsApiException when polling or the result fetch fails.</summary>
        public WaitOutcome Wait(OutputCreationOperation operation, CancellationToken cancellationToken)
        {
            var id = operation.OperationId;
            var clock = _options.Clock;
            var deadline = new WaitDeadline(clock, _options.WaitTimeout);
            var log = new DeferredLogSink(_output);
            var progress = new ProgressReporter(_output, id);
            var seenProgress = false;
            try
            {
                string? resultContext = null;
                while (true)
                {
                    var request = new ApiRequest(HttpMethod.Get, OlConnectPaths.Progress(_connection.Session.BaseUri, id));
                    var response = Send(request, log, cancellationToken);
                    if (response.StatusCode == 404)
                    {
                        var notFound = FailureBuilder.FromResponse(request, response, OlConnectErrorParser.Instance, $"Waiting for OL Connect output creation operation '{id}' failed");
                        if (!seenProgress)
                            return Finish(operation, FetchAfterEarly404(id, notFound, log, cancellationToken), progress);
                        log.WriteVerbose($"getProgress for '{id}' answered 404 after {operation.PercentComplete}%: OL Connect drops finished operations from its list, so fetching the result.");
                        resultContext = $"getProgress answered 404 after {operation.PercentComplete}% progress; the operation was probably cancelled or removed";
                        break;
                    }
                    if (response.StatusCode != 200)
                        throw FailureBuilder.FromResponse(request, response, OlConnectErrorParser.Instance, $"Waiting for OL Connect output creation operation '{id}' failed");
                    if (!ProgressReading.TryParse(response.Body, out var reading))
                        throw UnexpectedProgress(request, response, id);

                    seenProgress = true;
                    operation.State = "Running";
                    operation.PercentComplete = reading.Percent;
                    progress.Report(reading.Percent);
                    if (reading.IsDone) break;

                    if (deadline.NextPause(_options.PollInterval) is not { } pause) return WaitOutcome.TimedOut;
                    clock.Delay(pause, cancellationToken).GetAwaiter().GetResult();
                }
                var paths = Run(() => OutputCreationResultClient.FetchPathsAsync(_connection, id, log, cancellationToken, resultContext), log, cancellationToken);
                return Finish(operation, paths, progress);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Nothing more may be written to a stopping pipeline except the caller's warning.
                progress.Abandon();
                return WaitOutcome.Stopped;
            }
            finally
            {
                if (!cancellationToken.IsCancellationRequested)
                {
                    log.Replay();
                    progress.Complete();
                }
            }
        }

        private System.Collections.Generic.IReadOnlyList<string> FetchAfterEarly404(string id, OperationsApiException notFound, DeferredLogSink log, CancellationToken cancellationToken)
        {
            try
            {
                var paths = Run(() => OutputCreationResultClient.FetchPathsAsync(_connection, id, log, cancellationToken), log, cancellationToken);
                log.WriteVerbose($"getProgress for '{id}' answered 404 but a result exists: the operation finished before the first poll.");
                return paths;
            }
            catch (OperationsApiException probe) when (probe.StatusCode == 404)
            {
                // The operation is unknown: report the progress call's answer, which is what the user asked about.
                throw notFound;
            }
        }

        private WaitOutcome Finish(OutputCreationOperation operation, System.Collections.Generic.IReadOnlyList<string> paths, ProgressReporter progress)
        {
            operation.State = "Completed";
            operation.PercentComplete = 100;
            operation.Result = paths;
            operation.CompletedAt = DateTimeOffset.Now;
            progress.Report(100);
            return WaitOutcome.Completed;
        }

        private ApiResponse Send(ApiRequest request, DeferredLogSink log, CancellationToken cancellationToken) =>
            Run(() => _connection.Transport.SendAsync(request, log, cancellationToken), log, cancellationToken);

        /// <summary>
        /// Blocks on one request, then replays its log lines on this (the pipeline) thread, except after
        /// Ctrl+C: a stopping pipeline refuses every write, and the caller's warning must get through.
        /// </summary>
        private static T Run<T>(Func<System.Threading.Tasks.Task<T>> call, DeferredLogSink log, CancellationToken cancellationToken)
        {
            try
            {
                return call().GetAwaiter().GetResult();
            }
            finally
            {
                if (!cancellationToken.IsCancellationRequested) log.Replay();
            }
        }

        private static OperationsApiException UnexpectedProgress(ApiRequest request, ApiResponse response, string id)
        {
            var failure = FailureBuilder.UnexpectedShape(
                $"Waiting for OL Connect output creation operation '{id}' failed: {request.Describe()} answered '{BodyText.Summarize(response.QuotedBody, response.ContentType) ?? string.Empty}', which is neither a percentage (0-100) nor 'done'.",
                request, response, OlConnectProfile.WrongServerAdvice);
            // A progress text holds no secret: keep it for diagnosis.
            failure.RawBody = OperationsApiException.Truncate(response.QuotedBody);
            return failure;
        }

        /// <summary>Write-Progress, throttled: a record only when the percentage changes.</summary>
        private sealed class ProgressReporter
        {
            private readonly IOperationsOutput _output;
            private readonly string _activity;
            private int _last = -1;
            private bool _closed;

            public ProgressReporter(IOperationsOutput output, string operationId)
            {
                _output = output;
                _activity = $"Waiting for OL Connect output creation {operationId}";
            }

            public void Report(int percent)
            {
                if (_closed || percent == _last) return;
                _last = percent;
                _output.WriteProgress(new ProgressInfo(ProgressActivityId, _activity, percent >= 100 ? "Done; fetching the result" : $"{percent}% complete", percent));
            }

            public void Abandon() => _closed = true;

            public void Complete()
            {
                if (_closed || _last < 0) return;
                _closed = true;
                _output.WriteProgress(new ProgressInfo(ProgressActivityId, _activity, "Completed", 100, completed: true));
            }
        }
    }
}
