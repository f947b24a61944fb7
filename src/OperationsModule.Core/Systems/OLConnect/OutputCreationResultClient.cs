using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Output;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Systems.OLConnect
{
    /// <summary>
    /// Get Result of Operation: both calls are POST (not GET). getResultTxt answers the output paths as text;
    /// getResult answers the bytes of the single spool file (or the paths when there are several files).
    /// </summary>
    internal static class OutputCreationResultClient
    {
        /// <summary>
        /// The most a result file may hold once decompressed. It is streamed to disk (memory stays flat), so this bounds
        /// the disk a hostile or broken server can fill, compressed answers included.
        /// </summary>
        public const long MaximumResultBytes = 512L * 1024 * 1024;

        public static ApiRequest BuildPaths(Uri baseUri, string operationId) => new ApiRequest(HttpMethod.Post, OlConnectPaths.ResultText(baseUri, operationId));

        public static ApiRequest BuildBytes(Uri baseUri, string operationId) => new ApiRequest(HttpMethod.Post, OlConnectPaths.Result(baseUri, operationId));

        public static async Task<IReadOnlyList<string>> FetchPathsAsync(ResolvedConnection connection, string operationId, ILogSink log, CancellationToken cancellationToken, string? context = null)
        {
            var request = BuildPaths(connection.Session.BaseUri, operationId);
            var response = await connection.Transport.SendAsync(request, log, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != 200)
                throw FailureBuilder.FromResponse(request, response, OlConnectErrorParser.Instance, Subject(operationId, context));
            return SplitPaths(response.Body);
        }

        /// <summary>
        /// POST getResult, its success body streamed into <paramref name="download"/>'s file (never into memory).
        /// Returns the answer's media type.
        /// </summary>
        public static async Task<string?> FetchToFileAsync(ResolvedConnection connection, string operationId, FileDownload download, ILogSink log, CancellationToken cancellationToken)
        {
            var request = BuildBytes(connection.Session.BaseUri, operationId);
            request.Download = download;
            ApiResponse response;
            try
            {
                response = await connection.Transport.SendAsync(request, log, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationsApiException ex) when (ex.RequestUri is null)
            {
                // The download's own refusal (too large) knows no request: name it.
                ex.Method = request.Method.Method;
                ex.RequestUri = UriText.Sanitize(request.Uri);
                throw;
            }
            if (response.StatusCode != 200)
                throw FailureBuilder.FromResponse(request, response, OlConnectErrorParser.Instance, Subject(operationId, null));
            return response.ContentType;
        }

        /// <summary>text/plain means the server sent the paths of several files instead of one file's bytes.</summary>
        public static bool IsPathList(string? contentType) => contentType is { } type && type.StartsWith("text/", StringComparison.OrdinalIgnoreCase);

        /// <summary>One path per line; servers differ in line endings, and blank lines carry nothing.</summary>
        public static IReadOnlyList<string> SplitPaths(string body) =>
            body.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim()).Where(p => p.Length > 0).ToArray();

        private static string Subject(string operationId, string? context) =>
            $"Getting the result of OL Connect output creation operation '{operationId}' failed" + (context is null ? string.Empty : $" ({context})");
    }
}
