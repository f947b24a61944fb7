using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using OperationsModule.Core.Engine;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
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
    internal sealed class GetOutputCreationResultCommand : IPipedOperationCommand
    {
        private readonly ConnectionPlan _connections;
        private readonly string? _outFile;
        private readonly IOperationsOutput _output;
        private readonly CancellationToken _cancellationToken;
        private readonly bool _noClobber;
        private readonly Dictionary<string, string> _written = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <param name="outFile">A full file-system path (the cmdlet resolves it against the PowerShell location), or an existing directory; null for the paths as text.</param>
        /// <param name="noClobber">Refuse to replace an existing file (Out-File's -NoClobber); by default it is replaced.</param>
        public GetOutputCreationResultCommand(ConnectionPlan connections, string? outFile, IOperationsOutput output, CancellationToken cancellationToken, bool noClobber = false)
        {
            if (outFile is not null && !NamesFolder(outFile) && FileNameRules.Problem(Path.GetFileName(outFile)) is { } problem)
                throw new InputValidationException("OutFile", problem + "; the same script must work on Windows.");
            _connections = connections;
            _outFile = outFile;
            _noClobber = noClobber;
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
            var intoFolder = NamesFolder(_outFile!);
            var folder = !intoFolder ? Path.GetDirectoryName(_outFile!)
                : Directory.Exists(_outFile) ? _outFile!
                : _outFile!.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            // Said before anything is fetched, in words, as Out-File and Invoke-WebRequest do: the folder is never
            // created (a typo would scatter results), and writing into a missing one reads as "access denied" on some systems.
            if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
                throw NotSaved(id, $"the folder '{folder}' does not exist", $"Create it first (New-Item -ItemType Directory -Path '{folder?.Replace("'", "''")}'), or pass an -OutFile in a folder that exists.");
            if (!intoFolder && _noClobber && File.Exists(_outFile))
                throw Clobber(id, _outFile!);
            using var download = new FileDownload(folder!, MaximumResultBytes);
            string? contentType;
            try
            {
                contentType = OutputCreationResultClient.FetchToFileAsync(connection, id, download, log, _cancellationToken).GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw NotSaved(id, ex.Message, "Check that the folder is writable and has room, or pass another -OutFile.", ex);
            }
            var isPathList = OutputCreationResultClient.IsPathList(contentType);
            var path = intoFolder ? Path.Combine(folder!, FileNameRules.SafeLeaf(id, Extension(isPathList, download.Head))) : _outFile!;
            if (_written.TryGetValue(path, out var earlier))
            {
                // Several piped operations and one file name would silently keep only the last result.
                throw new InputValidationException("OutFile", $"'{path}' was already written for operation '{earlier}' in this command; give a directory to save each operation's result as <OperationId>.<extension>.");
            }
            if (_noClobber && File.Exists(path)) throw Clobber(id, path);
            try
            {
                // Out-File's default: an existing file is replaced (-NoClobber refuses instead).
                if (File.Exists(path)) File.Delete(path);
                File.Move(download.TempPath, path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException)
            {
                throw NotSaved(id, ex.Message, "Check that the folder is writable, or pass another -OutFile.", ex, path);
            }
            _written[path] = id;
            if (isPathList)
                _output.WriteWarning($"The server answered the result of operation '{id}' as text ({contentType}): it sends the output paths instead of the bytes when an operation produced several files. '{path}' holds that list.");
            return new OutputCreationResult(id, Array.Empty<string>(), connection.Session.BaseUri, DateTimeOffset.Now, connection.PipeableSession)
            {
                OutFile = path,
                Length = download.Length,
                ContentType = contentType,
            };
        }

        /// <summary>An existing folder, or a path that ends with a separator (.\output\): a folder whether or not it exists.</summary>
        private static bool NamesFolder(string outFile) =>
            Directory.Exists(outFile) || outFile.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal)
            || outFile.EndsWith(Path.AltDirectorySeparatorChar.ToString(), StringComparison.Ordinal);

        private static OperationsApiException NotSaved(string id, string problem, string advice, Exception? inner = null, string? path = null) =>
            new OperationsApiException($"The result of operation '{id}' was not saved{(path is null ? string.Empty : $" to '{path}'")}: {problem}", ErrorIds.OutFileFailed, ErrorCategoryName.WriteError, inner)
            {
                RecommendedAction = advice,
            };

        private static OperationsApiException Clobber(string id, string path) =>
            new OperationsApiException($"The result of operation '{id}' was not saved: '{path}' already exists and -NoClobber was given.", ErrorIds.OutFileFailed, ErrorCategoryName.ResourceExists)
            {
                RecommendedAction = "Leave out -NoClobber to replace the file, or pass another -OutFile.",
            };

        /// <summary>The extension of a result saved into a folder, from what the body is.</summary>
        internal static string Extension(bool isPathList, byte[] head)
        {
            if (isPathList) return ".txt";
            if (head.Length >= 4 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F') return ".pdf";
            if (head.Length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) return ".zip";
            return ".bin";
        }

        /// <summary>The cap on one result file once decompressed (tests lower it).</summary>
        internal long MaximumResultBytes { get; set; } = OutputCreationResultClient.MaximumResultBytes;

        public void Dispose() => _connections.Dispose();
    }
}
