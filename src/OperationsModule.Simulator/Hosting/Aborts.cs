using Microsoft.AspNetCore.Http;

namespace OperationsModule.Simulator.Hosting;

/// <summary>
/// Aborts a connection and marks the request as never answered: Kestrel signals RequestAborted later, on the thread
/// pool, so the response tally could not tell an abort from an answer by that token alone.
/// </summary>
internal static class Aborts
{
    private const string Key = "sim.aborted";

    public static void Abort(HttpContext context)
    {
        context.Items[Key] = true;
        context.Abort();
    }

    public static bool WasAborted(HttpContext context) => context.Items.ContainsKey(Key) || context.RequestAborted.IsCancellationRequested;
}
