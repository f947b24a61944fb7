using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using OperationsModule.Core.Engine;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Output;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.OLConnect;
using OperationsModule.Core.Validation;

namespace OperationsModule.Core.Commands
{
    /// <summary>
    /// Get-OutputCreationResult without PowerShell: POST getResultTxt for the output paths, or with an
    /// output file, POST getResult and save its bytes. One result object or one error per piped item.
    /// </summary>
    public sealed class GetOutputCreationResultCommand : IPipedOperationCommand
    {
        private readonly ConnectionPlan _connections;
        private readonly string? _outFile;
        private readonly IOperationsOutput _output;
        private readonly CancellationToken _cancellationToken;
        private readonly Dictionary<string, string> _written = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <param name="outFile">A full file-system path (the cmdlet resolves it against the PowerShell location), or an existing directory; null for the paths as text.</param>
        public GetOutputCreationResultCommand(ConnectionPlan connections, string? outFile, IOperationsOutput output, CancellationToken cancellationToken)
        {
            _connections = connections;
            _outFile = outFile;
            _output = output;
            _cancellationToken = cancellationToken;
        }

        /// <summary>Handles one piped item. Returns false once stopped. Throws OperationsApiException (NoSession) when there is no connection at all.</summary>
        public bool Process(OutputCreationOperation? operation, string? rawId, OperationsSession? pipedSession = null, Uri? pipedServer = null)
        {
            if (_cancellationToken.IsCancellationRequested) return false;
            if (!PipedOperation.TryResolve(_connections, operation, rawId, pipedSession, pipedServer, _output, out var connection, out var id)) return true;
            var log = new DeferredLogSink(_output);
            try
            {
                var result = _outFile is null ? FetchPaths(connection, id, log) : Save(connection, id, log);
                log.Replay();
                if (result is not null) _output.WriteObject(result);
                return true;
            }
            catch (OperationsApiException ex)
            {
                log.Replay();
                _output.WriteFailure(new Failure(ex, id));
                return true;
            }
            catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }

        private OutputCreationResult FetchPaths(ResolvedConnection connection, string id, ILogSink log)
        {
            var paths = OutputCreationResultClient.FetchPathsAsync(connection, id, log, _cancellationToken).GetAwaiter().GetResult();
            return new OutputCreationResult(id, paths, connection.Session.BaseUri, DateTimeOffset.Now, connection.PipeableSession);
        }

        private OutputCreationResult? Save(ResolvedConnection connection, string id, ILogSink log)
        {
            var bytes = OutputCreationResultClient.FetchBytesAsync(connection, id, log, _cancellationToken).GetAwaiter().GetResult();
            var path = TargetPath(_outFile!, id, bytes);
            if (_written.TryGetValue(path, out var earlier))
            {
                // Several piped operations and one file name would silently keep only the last result.
                throw new InputValidationException("OutFile", $"'{path}' was already written for operation '{earlier}' in this command; give a directory to save each operation's result as <OperationId>.<extension>.");
            }
            try
            {
                File.WriteAllBytes(path, bytes.Content);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException)
            {
                throw new OperationsApiException($"The result of operation '{id}' was fetched but could not be saved to '{path}': {ex.Message}", ErrorIds.OutFileFailed, ErrorCategoryName.WriteError, ex)
                {
                    RecommendedAction = "Check that the folder exists and is writable, or pass another -OutFile.",
                };
            }
            _written[path] = id;
            if (bytes.IsPathList)
                _output.WriteWarning($"The server answered the result of operation '{id}' as text ({bytes.ContentType}): it sends the output paths instead of the bytes when an operation produced several files. '{path}' holds that list.");
            return new OutputCreationResult(id, Array.Empty<string>(), connection.Session.BaseUri, DateTimeOffset.Now, connection.PipeableSession)
            {
                OutFile = path,
                Length = bytes.Content.LongLength,
                ContentType = bytes.ContentType,
            };
        }

        /// <summary>A directory receives &lt;OperationId&gt;.&lt;extension&gt;; anything else is the file name itself.</summary>
        internal static string TargetPath(string outFile, string operationId, ResultBytes bytes) =>
            Directory.Exists(outFile) ? Path.Combine(outFile, operationId + Extension(bytes)) : outFile;

        private static string Extension(ResultBytes bytes)
        {
            if (bytes.IsPathList) return ".txt";
            var c = bytes.Content;
            if (c.Length >= 4 && c[0] == '%' && c[1] == 'P' && c[2] == 'D' && c[3] == 'F') return ".pdf";
            if (c.Length >= 4 && c[0] == 'P' && c[1] == 'K' && c[2] == 3 && c[3] == 4) return ".zip";
            return ".bin";
        }

        public void Dispose() => _connections.Dispose();
    }
}
