using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Http;
using OperationsModule.Core.Output;

namespace OperationsModule.Bench;

/// <summary>
/// The raw loop's shape (a SemaphoreSlim keeping C in flight) over the module's transport instead of HttpClient: with
/// the raw loop and the engine it splits the engine's extra cost into the send path's and the bulk engine's.
/// </summary>
internal static class TransportLoop
{
    public static async Task<int> RunAsync(SendPipeline transport, Uri baseUri, IReadOnlyList<string> ids, int concurrency)
    {
        using var gate = new SemaphoreSlim(concurrency, concurrency);
        var pending = new List<Task<bool>>(ids.Count);
        foreach (var id in ids)
        {
            await gate.WaitAsync().ConfigureAwait(false);
            var request = new ApiRequest(HttpMethod.Post, new Uri(baseUri, "rest/serverengine/workflow/outputcreation/cancel/" + Uri.EscapeDataString(id))) { MayCreateWork = true };
            pending.Add(CancelAsync(transport, request, gate));
        }
        var ok = 0;
        foreach (var task in pending) if (await task.ConfigureAwait(false)) ok++;
        return ok;
    }

    private static async Task<bool> CancelAsync(SendPipeline transport, ApiRequest request, SemaphoreSlim gate)
    {
        try
        {
            var response = await transport.SendAsync(request, NullLogSink.Instance, CancellationToken.None).ConfigureAwait(false);
            return response.StatusCode == 204;
        }
        finally
        {
            gate.Release();
        }
    }
}
