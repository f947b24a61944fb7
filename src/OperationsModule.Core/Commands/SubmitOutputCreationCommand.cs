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
    public sealed class SubmitOutputCreationCommand : IDisposable
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
            if (!_output.ShouldProcess($"preset '{_configId}', {_jobIds.Count} job(s)", $"Submit output creation ({request.Describe()})"))
                return null;
            var log = new Engine.DeferredLogSink(_output);
            try
            {
                var operation = OutputCreationClient.SubmitAsync(_connection, request, _configId!, _jobIds, CreateOnly, log, _cancellationToken)
                    .GetAwaiter().GetResult();
                log.Replay();
                if (Wait is null) _output.WriteObject(operation);
                else WaitOutputCreationCommand.Run(_connection, operation, Wait, _output, SessionStore.Default, _cancellationToken);
                return operation;
            }
            catch (OperationsApiException ex)
            {
                log.Replay();
                _output.WriteFailure(new Failure(ex, _configId));
                return null;
            }
            catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C: the pipeline is stopping, there is nobody left to write to.
                return null;
            }
        }

        public void Dispose() => _connection.Dispose();
    }
}
