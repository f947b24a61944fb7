using System;
using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Security.Authentication;

namespace OperationsModule.Core.Http
{
    /// <summary>
    /// Builds the one HttpClient a session keeps. Certificate and TLS settings live on this handler only,
    /// never on the process-wide ServicePointManager.
    /// </summary>
    public static class HttpClientFactory
    {
        public static HttpClient Create(HttpOptions options)
        {
            var client = new HttpClient(CreateHandler(options), disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            client.DefaultRequestHeaders.UserAgent.TryParseAdd(options.UserAgent);
            return client;
        }

        /// <summary>
        /// The transport's sender: the handler without HttpClient's per-request layer. ApiTransport owns the
        /// timeout and the cancellation, and HttpClient would link one more CancellationTokenSource per request
        /// on top of them (a measurable cost at thousands of requests per second). The caller sets User-Agent.
        /// </summary>
        public static HttpMessageInvoker CreateInvoker(HttpOptions options) => new HttpMessageInvoker(CreateHandler(options), disposeHandler: true);

        private static HttpMessageHandler CreateHandler(HttpOptions options)
        {
            var handler = new HttpClientHandler
            {
                // Redirects are followed by ApiTransport so it can keep credentials on their origin.
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            };
            if (options.SkipCertificateCheck)
                handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
            if (options.Proxy is not null)
            {
                handler.Proxy = new WebProxy(options.Proxy);
                handler.UseProxy = true;
            }
            if (IsNetFramework())
            {
                // Windows PowerShell 5.1 may default to TLS 1.0; enable 1.2 (and 1.3 where the OS has it) for this handler.
                handler.SslProtocols = SslProtocols.Tls12 | (SslProtocols)12288;
            }
            return handler;
        }

        private static bool IsNetFramework() =>
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);
    }
}
