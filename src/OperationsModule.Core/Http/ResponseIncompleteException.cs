using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Http
{
    /// <summary>
    /// An answer whose status and headers arrived but whose body was cut off (ended early, a bad chunk, a reset while
    /// reading): the request reached the server, which may have acted on it. <see cref="Partial"/> keeps what did
    /// arrive (status and headers, no body), so a caller can still use a header such as OL Connect's operationId.
    /// </summary>
    public sealed class ResponseIncompleteException : OperationsApiException
    {
        internal ResponseIncompleteException(string target, ApiResponse partial, Exception cause)
            : base($"{target} was answered {StatusClassifier.Describe(partial.StatusCode)}, but the answer was cut off before its end ({Reason(cause)}); the server may have acted on the request.",
                ErrorIds.ResponseIncomplete, ErrorCategoryName.ConnectionError, cause)
        {
            Partial = partial;
            StatusCode = partial.StatusCode;
            RequestUri = partial.RequestUri;
            RecommendedAction = "Check on the server whether the request took effect before repeating it; if this repeats, check the network path or proxy.";
        }

        internal ApiResponse Partial { get; }

        /// <summary>
        /// A failure of the body read itself (the connection, not the file a download writes to): .NET's HttpIOException,
        /// a socket error, or HttpClient's own exception; .NET Framework reports the reset as an IOException over a socket error.
        /// </summary>
        public static bool IsCutOff(Exception failure) =>
            failure is HttpRequestException || failure.GetType().Name == "HttpIOException" || (failure is IOException && failure.InnerException is SocketException or IOException or System.Net.WebException);

        private static string Reason(Exception cause) => (cause.InnerException ?? cause).Message;
    }
}
