using System;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Http.Runtime;
using OperationsModule.Core.Secrets;

namespace OperationsModule.Core.Http
{
    /// <summary>
    /// Builds the one HTTP sender (an invoker over the handler) a session keeps, from the <see cref="HandlerSettings"/> chosen for this runtime.
    /// Certificate and TLS settings live on this handler only, never on the process-wide ServicePointManager.
    /// </summary>
    internal static class HttpClientFactory
    {
        /// <summary>
        /// The transport's sender: the handler without HttpClient's per-request layer. SendPipeline owns the
        /// timeout and the cancellation, and HttpClient would link one more CancellationTokenSource per request
        /// on top of them (a measurable cost at thousands of requests per second). The caller sets User-Agent.
        /// </summary>
        public static HttpMessageInvoker CreateInvoker(HttpOptions options) => CreateInvoker(HandlerSettings.For(options, RuntimeDescription.Current));

        /// <summary>An invoker for settings chosen for any runtime: tests use it to run the .NET Framework settings on .NET.</summary>
        public static HttpMessageInvoker CreateInvoker(HandlerSettings settings) => new HttpMessageInvoker(CreateHandler(settings), disposeHandler: true);

        internal static HttpMessageHandler CreateHandler(HandlerSettings settings)
        {
            var handler = CreateClientHandler(settings);
            return settings.SuppressExpectContinue ? new NoExpectContinueHandler(handler) : handler;
        }

        internal static HttpClientHandler CreateClientHandler(HandlerSettings settings)
        {
            var handler = new HttpClientHandler
            {
                // Redirects are followed by SendPipeline so it can keep credentials on their origin.
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            };
            switch (settings.CertificateValidation)
            {
                case CertificateValidation.AcceptAny:
                    handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
                    break;
                case CertificateValidation.ModuleCallback:
                    // Our own callback, so .NET Framework never falls back to ServicePointManager's process-wide one.
                    handler.ServerCertificateCustomValidationCallback = (_, _, _, errors) => errors == SslPolicyErrors.None;
                    break;
            }
            if (settings.SslProtocols is { } protocols) handler.SslProtocols = protocols;
            if (settings.MaxConnectionsPerServer is { } connections) handler.MaxConnectionsPerServer = connections;
            if (settings.Proxy is { } proxy)
            {
                handler.Proxy = CreateProxy(proxy);
                handler.UseProxy = true;
            }
            return handler;
        }

        private static WebProxy CreateProxy(ProxySettings proxy)
        {
            var webProxy = new WebProxy(proxy.Address);
            if (proxy.UseDefaultCredentials) webProxy.UseDefaultCredentials = true;
            else if (proxy.Credential is { } credential) webProxy.Credentials = ToNetworkCredential(credential);
            return webProxy;
        }

        /// <summary>DOMAIN\user splits as PSCredential.GetNetworkCredential does, for NTLM and Negotiate proxies.</summary>
        private static NetworkCredential ToNetworkCredential(SecretCredential credential)
        {
            var name = credential.UserName;
            var slash = name.IndexOf('\\');
            return slash > 0
                ? new NetworkCredential(name.Substring(slash + 1), credential.Secret.Reveal(), name.Substring(0, slash))
                : new NetworkCredential(name, credential.Secret.Reveal());
        }

        /// <summary>
        /// Says ExpectContinue = false on every request: .NET Framework's handler then turns the service point's
        /// Expect100Continue off instead of sending "Expect: 100-continue" and waiting for an interim answer.
        /// </summary>
        private sealed class NoExpectContinueHandler : DelegatingHandler
        {
            public NoExpectContinueHandler(HttpMessageHandler inner) : base(inner) { }

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                if (request.Headers.ExpectContinue != true) request.Headers.ExpectContinue = false;
                return base.SendAsync(request, cancellationToken);
            }
        }
    }
}
