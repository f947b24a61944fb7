using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace OperationsModule.Bench;

/// <summary>
/// What a careful script author would write without the module: one shared HttpClient, a SemaphoreSlim
/// keeping C requests in flight, the same cancel call and the same Basic header.
/// </summary>
internal static class RawBaseline
{
    public static async Task<int> RunAsync(HttpClient client, Uri baseUri, AuthenticationHeaderValue auth, IReadOnlyList<string> ids, int concurrency)
    {
        using var gate = new SemaphoreSlim(concurrency, concurrency);
        var pending = new List<Task<bool>>(ids.Count);
        foreach (var id in ids)
        {
            await gate.WaitAsync().ConfigureAwait(false);
            pending.Add(CancelAsync(client, new Uri(baseUri, "rest/serverengine/workflow/outputcreation/cancel/" + Uri.EscapeDataString(id)), auth, gate));
        }
        var ok = 0;
        foreach (var task in pending) if (await task.ConfigureAwait(false)) ok++;
        return ok;
    }

    private static async Task<bool> CancelAsync(HttpClient client, Uri uri, AuthenticationHeaderValue auth, SemaphoreSlim gate)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri);
            request.Headers.Authorization = auth;
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            return response.StatusCode == HttpStatusCode.NoContent;
        }
        finally
        {
            gate.Release();
        }
    }
}
