using System;
using Microsoft.AspNetCore.Http;

namespace OperationsModule.Simulator.Hosting;

/// <summary>
/// Aborts a connection and marks the request as never answered: Kestrel signals RequestAborted later, on the thread
/// pool, so the response tally could not tell an abort from an answer by that token alone.
/// </summary>
internal static class Aborts
{
    private const string Key = "sim.aborted";
    private const string HookKey = "sim.beforeAbort";

    public static void Abort(HttpContext context)
    {
        MarkAborted(context);
        context.Abort();
    }

    /// <summary>Counts the request as not answered in full, for a connection that the server closes itself.</summary>
    public static void MarkAborted(HttpContext context)
    {
        context.Items[Key] = true;
        // The request log notes the abort before the client can see it.
        (context.Items.TryGetValue(HookKey, out var hook) ? hook as Action : null)?.Invoke();
    }

    public static bool WasAborted(HttpContext context) => context.Items.ContainsKey(Key) || context.RequestAborted.IsCancellationRequested;

    /// <summary>Runs <paramref name="hook"/> just before <see cref="Abort"/> closes the connection.</summary>
    public static void BeforeAbort(HttpContext context, Action hook) => context.Items[HookKey] = hook;
}
