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
    public static class OutputCreationResultClient
    {
        /// <summary>Result files can be far larger than API answers; bounded all the same, since the body is buffered.</summary>
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

        public static async Task<ResultBytes> FetchBytesAsync(ResolvedConnection connection, string operationId, ILogSink log, CancellationToken cancellationToken)
        {
            var request = BuildBytes(connection.Session.BaseUri, operationId);
            var options = connection.Transport.Options.Clone();
            options.MaximumResponseBytes = Math.Max(options.MaximumResponseBytes, MaximumResultBytes);
            var transport = connection.Transport.WithOptions(options);
            var response = await transport.SendAsync(request, log, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != 200)
                throw FailureBuilder.FromResponse(request, response, OlConnectErrorParser.Instance, Subject(operationId, null));
            return new ResultBytes(response.BodyBytes ?? Array.Empty<byte>(), response.ContentType);
        }

        /// <summary>One path per line; servers differ in line endings, and blank lines carry nothing.</summary>
        public static IReadOnlyList<string> SplitPaths(string body) =>
            body.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim()).Where(p => p.Length > 0).ToArray();

        private static string Subject(string operationId, string? context) =>
            $"Getting the result of OL Connect output creation operation '{operationId}' failed" + (context is null ? string.Empty : $" ({context})");
    }

    public sealed class ResultBytes
    {
        public ResultBytes(byte[] content, string? contentType)
        {
            Content = content;
            ContentType = contentType;
        }

        public byte[] Content { get; }

        public string? ContentType { get; }

        /// <summary>text/plain means the server sent the paths of several files instead of one file's bytes.</summary>
        public bool IsPathList => ContentType is { } type && type.StartsWith("text/", StringComparison.OrdinalIgnoreCase);
    }
}
