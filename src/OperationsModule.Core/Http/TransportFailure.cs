using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Http
{
    /// <summary>A failure below HTTP (no status): carries whether the request may have reached the server.</summary>
    internal sealed class TransportFailure : Exception
    {
        public TransportFailure(OperationsApiException exception, bool retryable, bool nothingSent)
            : base(exception.Message, exception)
        {
            Exception = exception;
            Retryable = retryable;
            NothingSent = nothingSent;
        }

        public OperationsApiException Exception { get; }

        public bool Retryable { get; }

        /// <summary>True when the connection was refused: the server saw nothing, so even a submission may be retried.</summary>
        public bool NothingSent { get; }

        /// <summary>No connection could be opened at all (refused, no such host): the server was not reached.</summary>
        public bool Unreachable => NothingSent && Retryable && Exception.ErrorId == ErrorIds.ConnectionFailed;

        /// <param name="proxy">-Proxy, when the session has one: every connection then goes to it, so a failed connect is the proxy's.</param>
        public static TransportFailure FromHttpRequestException(HttpRequestException ex, HttpMethod method, Uri uri, Uri? proxy = null, bool proxyCredentialGiven = false)
        {
            var target = $"{method.Method} {UriText.ForDisplay(uri)}";
            if (Find<AuthenticationException>(ex) is not null)
            {
                return new TransportFailure(new OperationsApiException(
                    $"{target} failed: the server's TLS certificate was not trusted ({Find<AuthenticationException>(ex)!.Message}).",
                    ErrorIds.CertificateRejected, ErrorCategoryName.SecurityError, ex)
                {
                    Method = method.Method,
                    RequestUri = UriText.Sanitize(uri),
                    RecommendedAction = "Install the server's CA certificate, or use -SkipCertificateCheck for a host you trust (for example a lab with a self-signed certificate).",
                }, retryable: false, nothingSent: true);
            }
            // Whichever proxy .NET used (-Proxy or the system's), its refusal to open a tunnel is a proxy failure.
            if (ProxyFailure.TunnelRefused(ex, method, uri, proxy, proxyCredentialGiven) is { } tunnel)
                return new TransportFailure(tunnel, retryable: tunnel.StatusCode is 502 or 503 or 504, nothingSent: true);
            var socket = Find<SocketException>(ex);
            var refused = socket is not null && (socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.TryAgain);
            var reason = socket?.Message ?? Find<IOException>(ex)?.Message ?? ex.Message;
            if (refused && proxy is not null)
                return new TransportFailure(ProxyFailure.Unreachable(method, uri, proxy, reason, ex), retryable: true, nothingSent: true);
            return new TransportFailure(new OperationsApiException(
                $"{target} failed: could not {(refused ? "connect" : "complete the exchange")}{(proxy is null ? string.Empty : " through " + ProxyFailure.Name(proxy))} ({reason}).",
                ErrorIds.ConnectionFailed, ErrorCategoryName.ConnectionError, ex)
            {
                Method = method.Method,
                RequestUri = UriText.Sanitize(uri),
                RecommendedAction = "Check -BaseUri, the network path and that the service is running.",
            }, retryable: true, nothingSent: refused);
        }

        private static T? Find<T>(Exception? ex) where T : Exception
        {
            for (var current = ex; current is not null; current = current.InnerException)
                if (current is T match) return match;
            return null;
        }
    }
}
