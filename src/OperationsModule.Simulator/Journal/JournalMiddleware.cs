using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OperationsModule.Simulator.Hosting;

namespace OperationsModule.Simulator.Journal;

/// <summary>Records each request before faults or endpoints see it, so a faulted attempt still counts; then how it was answered.</summary>
internal static class JournalMiddleware
{
    public static async Task InvokeAsync(HttpContext context, RequestJournal journal, Func<Task> next)
    {
        var (path, query) = RawTarget.Split(context);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in context.Request.Headers)
        {
            headers[header.Key] = header.Value.ToString();
        }

        var body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
        var recorded = new RecordedRequest(context.Request.Method, path, query, headers, body, DateTimeOffset.UtcNow);
        journal.Add(recorded);
        var recorder = ExchangeRecorder.Start(context, recorded);
        try
        {
            await next().ConfigureAwait(false);
        }
        finally
        {
            recorder.Finished();
        }
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        // Skip the buffering cost when there is provably no body.
        if (request.ContentLength == 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding")))
        {
            return string.Empty;
        }

        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        request.Body.Position = 0;
        return text;
    }
}
