using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OperationsModule.Simulator.Hosting;

namespace OperationsModule.Simulator.Faults;

/// <summary>
/// A body cut off mid-way: the endpoint answers as usual (so its effects happen, e.g. a task is cancelled), the
/// status, headers and full Content-Length go out, then half of the body, then the connection closes (Kestrel closes it for a response short of its Content-Length). An empty
/// body is announced as two bytes and none are sent.
/// </summary>
internal sealed class TruncatedFault : FaultAction, IAnswerWrapper
{
    public override string Kind => "truncated";

    internal override Task<bool> ExecuteAsync(HttpContext context, FaultRuntime runtime) => Task.FromResult(false);

    public async Task WrapAsync(HttpContext context, FaultRuntime runtime, Func<Task> next)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next().ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (Aborts.WasAborted(context))
        {
            return;
        }

        var body = buffer.ToArray();
        context.Response.ContentLength = Math.Max(body.Length, 2);
        try
        {
            await original.WriteAsync(body.AsMemory(0, body.Length / 2), context.RequestAborted).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client left first: the connection is closed below either way.
        }

        // Not Abort(): it may drop what is still queued for the socket, headers included. Ending the response short
        // of its Content-Length makes Kestrel send what was written and then close the connection.
        Aborts.MarkAborted(context);
    }
}
