using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Http.Pipeline
{
    /// <summary>
    /// -Verbose: one line per attempt (method, URL, status or failure, elapsed). -Debug: headers and bodies, redacted,
    /// with the bodies of calls that carry secrets left out.
    /// </summary>
    internal sealed class LogStep : SendStep
    {
        public override Task<ApiResponse> SendAsync(SendContext context, SendNext next)
        {
            var log = context.Log;
            // Nobody listens (a bulk run without -Verbose or -Debug): no timing, no formatting, no async frame of its own.
            return log.IsVerboseEnabled || log.IsDebugEnabled ? LogAsync(context, log, next) : next.SendAsync();
        }

        /// <summary>Inline when nobody listens: nothing to time or write.</summary>
        public override bool TryEnter(SendContext context) => !(context.Log.IsVerboseEnabled || context.Log.IsDebugEnabled);

        public override bool WatchesAnswers => false;

        private static async Task<ApiResponse> LogAsync(SendContext context, Output.ILogSink log, SendNext next)
        {
            if (log.IsDebugEnabled && context.Message is { } message) log.WriteDebug(Secrets.SecretScope.Apply(DescribeRequest(message, context.Request)));
            var started = Stopwatch.GetTimestamp();
            ApiResponse response;
            try
            {
                response = await next.SendAsync().ConfigureAwait(false);
            }
            catch (TransportFailure failure)
            {
                // No status to show: the line names the reason instead, so -Verbose accounts for every attempt.
                if (log.IsVerboseEnabled)
                    log.WriteVerbose($"{context.Target} -> {failure.Exception.ErrorId} after {(long)Elapsed.Since(started).TotalMilliseconds} ms");
                throw;
            }
            if (log.IsDebugEnabled) log.WriteDebug(Secrets.SecretScope.Apply(DescribeResponse(response, context.Request)));
            if (log.IsVerboseEnabled)
                log.WriteVerbose($"{context.Target} -> {StatusClassifier.Describe(response.StatusCode)} in {(long)Elapsed.Since(started).TotalMilliseconds} ms");
            return response;
        }

        private static string DescribeRequest(HttpRequestMessage message, ApiRequest request)
        {
            var text = new StringBuilder();
            text.Append("HTTP request: ").Append(message.Method.Method).Append(' ').AppendLine(UriText.ForDisplay(message.RequestUri!));
            text.AppendLine(Redactor.Headers(message.Headers));
            if (request.Body is not null)
                text.AppendLine(request.CarriesSecrets ? $"<body of {Output.Counted.Of(request.Body.Length, "character")} hidden: it carries credentials>" : Redactor.Body(request.Body));
            return text.ToString().TrimEnd();
        }

        private static string DescribeResponse(ApiResponse response, ApiRequest request)
        {
            var text = new StringBuilder();
            text.Append("HTTP response: ").AppendLine(StatusClassifier.Describe(response.StatusCode));
            text.AppendLine(Redactor.Headers(response.Headers.Select(h => new KeyValuePair<string, IEnumerable<string>>(h.Key, h.Value))));
            if (response.Body.Length > 0)
                text.AppendLine(request.CarriesSecrets && response.IsSuccess ? $"<body of {Output.Counted.Of(response.Body.Length, "character")} hidden: it carries a token>" : Redactor.Body(Shorten(response.Body)));
            return text.ToString().TrimEnd();
        }

        private static string Shorten(string body) => body.Length <= 4096 ? body : body.Substring(0, 4096) + "…";
    }

    internal static class Elapsed
    {
        public static TimeSpan Since(long timestamp) =>
            TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - timestamp) * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
    }
}
