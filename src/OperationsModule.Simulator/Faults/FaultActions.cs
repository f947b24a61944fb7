using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OperationsModule.Simulator.Hosting;

namespace OperationsModule.Simulator.Faults;

/// <summary>Wait, then let normal handling answer (behind <see cref="FaultAction.Latency"/>).</summary>
internal sealed class LatencyFault(TimeSpan delay, TimeSpan jitter) : FaultAction
{
    public override string Kind => "latency";

    internal override bool ChangesPassingRequests => true;

    internal override async Task<bool> ExecuteAsync(HttpContext context, FaultRuntime runtime)
    {
        var extra = jitter > TimeSpan.Zero ? TimeSpan.FromTicks((long)(jitter.Ticks * runtime.Random.NextDouble())) : TimeSpan.Zero;
        // Aborted while waiting: the response is over. Otherwise carry on with normal handling.
        return !await runtime.WaitAsync(context, delay + extra).ConfigureAwait(false);
    }
}

internal sealed class StatusFault(int status, string? retryAfter, string? body, string? contentType) : FaultAction
{
    public override string Kind => "status";

    internal override async Task<bool> ExecuteAsync(HttpContext context, FaultRuntime runtime)
    {
        if (retryAfter is not null)
        {
            context.Response.Headers["Retry-After"] = retryAfter;
        }

        if (body is null)
        {
            await Respond.EmptyAsync(context, status).ConfigureAwait(false);
        }
        else
        {
            await Respond.TextAsync(context, status, body, contentType ?? Respond.Json).ConfigureAwait(false);
        }

        return true;
    }
}

internal sealed class ConnectionResetFault : FaultAction
{
    public override string Kind => "connectionReset";

    internal override Task<bool> ExecuteAsync(HttpContext context, FaultRuntime runtime)
    {
        Aborts.Abort(context);
        return Task.FromResult(true);
    }
}

internal sealed class BodyFault(string kind, int status, string contentType, string body) : FaultAction
{
    public override string Kind => kind;

    internal override async Task<bool> ExecuteAsync(HttpContext context, FaultRuntime runtime)
    {
        await Respond.TextAsync(context, status, body, contentType).ConfigureAwait(false);
        return true;
    }
}

internal sealed class NeverAnswerFault : FaultAction
{
    public override string Kind => "neverAnswer";

    internal override async Task<bool> ExecuteAsync(HttpContext context, FaultRuntime runtime)
    {
        await runtime.WaitAsync(context, Timeout.InfiniteTimeSpan).ConfigureAwait(false);
        return true;
    }
}

internal sealed class RedirectFault(int status, string location) : FaultAction
{
    public override string Kind => "redirect";

    internal override async Task<bool> ExecuteAsync(HttpContext context, FaultRuntime runtime)
    {
        context.Response.Headers.Location = location;
        await Respond.EmptyAsync(context, status).ConfigureAwait(false);
        return true;
    }
}

internal sealed class HugeBodyFault(int status, long bytes, bool declareLength) : FaultAction
{
    public override string Kind => "hugeBody";

    internal override async Task<bool> ExecuteAsync(HttpContext context, FaultRuntime runtime)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = Respond.Json;
        if (declareLength)
        {
            context.Response.ContentLength = bytes;
        }

        // '[' then spaces: valid-looking JSON start, never a complete document.
        var chunk = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
        chunk[0] = (byte)'[';
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, runtime.Shutdown);
        try
        {
            for (long sent = 0; sent < bytes;)
            {
                var n = (int)Math.Min(chunk.Length, bytes - sent);
                await context.Response.Body.WriteAsync(chunk.AsMemory(0, n), linked.Token).ConfigureAwait(false);
                chunk[0] = (byte)' ';
                sent += n;
            }
        }
        catch (OperationCanceledException)
        {
            Aborts.Abort(context);
        }

        return true;
    }
}

internal sealed class SlowLorisFault(int status, int bytesPerTick, TimeSpan tick, long? totalBytes) : FaultAction
{
    public override string Kind => "slowLoris";

    internal override async Task<bool> ExecuteAsync(HttpContext context, FaultRuntime runtime)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = Respond.Json;
        var piece = Encoding.ASCII.GetBytes(new string(' ', Math.Max(1, bytesPerTick)));
        long sent = 0;
        while (totalBytes is null || sent < totalBytes)
        {
            var n = (int)Math.Min(piece.Length, (totalBytes ?? long.MaxValue) - sent);
            try
            {
                await context.Response.Body.WriteAsync(piece.AsMemory(0, n), context.RequestAborted).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or System.IO.IOException)
            {
                Aborts.Abort(context);
                return true;
            }

            sent += n;
            if (!await runtime.WaitAsync(context, tick).ConfigureAwait(false))
            {
                return true;
            }
        }

        return true;
    }
}
