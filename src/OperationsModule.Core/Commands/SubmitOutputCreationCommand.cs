using System;
using System.Collections.Generic;
using System.Threading;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Output;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.OLConnect;
using OperationsModule.Core.Validation;

namespace OperationsModule.Core.Commands
{
    /// <summary>
    /// Submit-OutputCreation without PowerShell: job IDs from every piped item are collected and sent in
    /// ONE request at the end of the pipeline (the API takes a list).
    /// </summary>
    internal sealed class SubmitOutputCreationCommand : IDisposable
    {
        private readonly ResolvedConnection _connection;
        private readonly IOperationsOutput _output;
        private readonly CancellationToken _cancellationToken;
        private readonly List<long> _jobIds = new List<long>();
        private readonly string? _configId;
        private readonly InputValidationException? _configProblem;

        public SubmitOutputCreationCommand(ResolvedConnection connection, string? configId, bool createOnly, IOperationsOutput output, CancellationToken cancellationToken)
        {
            _connection = connection;
            _output = output;
            _cancellationToken = cancellationToken;
            CreateOnly = createOnly;
            try
            {
                _configId = IdValidator.Validate("ConfigId", configId);
            }
            catch (InputValidationException ex)
            {
                _configProblem = ex;
            }
        }

        public bool CreateOnly { get; }

        /// <summary>-Wait: when set, the accepted operation is waited for and written once complete (with its result).</summary>
        public WaitOptions? Wait { get; set; }

        /// <summary>The preset problem, if any: the cmdlet makes it terminating since no item can succeed.</summary>
        public InputValidationException? ConfigProblem => _configProblem;

        public IReadOnlyList<long> JobIds => _jobIds;

        /// <summary>Adds the job IDs of one piped item; a bad ID yields its own error record.</summary>
        public void Add(IEnumerable<long> jobIds)
        {
            foreach (var jobId in jobIds)
            {
                try
                {
                    _jobIds.Add(IdValidator.ValidatePositive("JobId", jobId));
                }
                catch (InputValidationException ex)
                {
                    _output.WriteFailure(new Failure(ex, jobId));
                }
            }
        }

        /// <summary>
        /// Sends the one request. Returns the operation, or null (nothing to send, declined, or failed: the
        /// failure is written). With <see cref="Wait"/>, the operation is written only after the wait.
        /// </summary>
        public Models.OutputCreationOperation? Complete()
        {
            if (_configProblem is not null || _jobIds.Count == 0) return null;
            var request = OutputCreationClient.BuildSubmit(_connection.Session.BaseUri, _configId!, _jobIds, CreateOnly);
            if (!_output.ShouldProcess($"preset '{_configId}', {Output.Counted.Of(_jobIds.Count, "job")}", $"Submit output creation ({request.Describe()})"))
                return null;
            var log = new Engine.DeferredLogSink(_output);
            Models.OutputCreationOperation operation;
            try
            {
                operation = OutputCreationClient.SubmitAsync(_connection, request, _configId!, _jobIds, CreateOnly, log, _cancellationToken)
                    .GetAwaiter().GetResult();
                log.Replay();
            }
            catch (OperationsApiException ex)
            {
                log.Replay();
                // A 404 for unknown jobs is about those jobs, not the preset: they are what the user must look at.
                var missing = ex.StatusCode == 404 ? MissingJobs.Find(ex.VendorError, _configId!, _jobIds) : null;
                _output.WriteFailure(new Failure(ex, missing ?? (object?)(ex as IncompleteSubmission)?.OperationId ?? _configId));
                return null;
            }
            catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C: the pipeline is stopping, there is nobody left to write to.
                return null;
            }
            if (Wait is null)
            {
                _output.WriteObject(operation);
                return operation;
            }
            // From here the server has the job: whatever happens while waiting, the operation is output or reported.
            try
            {
                WaitOutputCreationCommand.Run(_connection, operation, Wait, _output, SessionStore.Default, _cancellationToken);
            }
            catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
            {
                _output.WriteWarning(OutputCreationAdvice.StoppedWaiting(operation.OperationId, _connection, SessionStore.Default));
            }
            catch (Exception ex) when (IsWaitFailure(ex))
            {
                _output.WriteFailure(new Failure(WaitFailed(operation, ex), operation.OperationId));
            }
            return operation;
        }

        /// <summary>
        /// What can go wrong in the wait itself; the pipeline's own exceptions (a stopped pipeline, -ErrorAction
        /// Stop, both from System.Management.Automation) pass through untouched.
        /// </summary>
        private bool IsWaitFailure(Exception ex) =>
            ex.GetType().Namespace != "System.Management.Automation"
            && (ex is ObjectDisposedException || ex is System.Net.Http.HttpRequestException || ex is System.IO.IOException
                || ex is InvalidOperationException || ex is FormatException || ex is ArgumentException
                || (ex is OperationCanceledException && !_cancellationToken.IsCancellationRequested));

        private OperationsApiException WaitFailed(Models.OutputCreationOperation operation, Exception ex)
        {
            var id = operation.OperationId;
            return new OperationsApiException(
                $"OL Connect accepted output creation operation '{id}', but waiting for it failed ({ex.GetType().Name}: {ex.Message}). It keeps running on the server {_connection.Session.BaseUri}.",
                ErrorIds.UnexpectedResponse, ErrorCategoryName.InvalidResult, ex)
            {
                RequestUri = OlConnectPaths.Progress(_connection.Session.BaseUri, id),
                Method = "GET",
                RecommendedAction = $"Wait for it with: {OutputCreationAdvice.WaitCommand(id, _connection, SessionStore.Default)}; or cancel it with: {OutputCreationAdvice.StopCommand(id, _connection, SessionStore.Default)}",
            };
        }

        public void Dispose() => _connection.Dispose();
    }
}
