using System;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OperationsModule.Simulator.Hosting;

namespace OperationsModule.Simulator.Listing;

/// <summary>
/// GET /spaces/{sid}/automation/execution/workflows as Oneprovider pages it: phase (waiting, ongoing, suspended,
/// ended; default ongoing), limit (1-1000, default 1000; the server may return fewer), offset, token; answers
/// {"atmWorkflowExecutions":[ids], "isLast", "nextPageToken"}. An unknown phase is a 400 as the other errors are.
/// </summary>
internal static class OnedataExecutionListing
{
    private static readonly string[] Phases = ["waiting", "ongoing", "suspended", "ended"];

    public static Task WriteAsync(HttpContext ctx, SimulatorContext sim, string spaceId)
    {
        var behaviour = sim.State.Listing;
        var query = ctx.Request.Query;
        var phase = query["phase"].ToString();
        if (phase.Length == 0)
        {
            phase = "ongoing";
        }

        if (Array.IndexOf(Phases, phase) < 0)
        {
            return BadValueAsync(ctx, sim, "phase", "waiting, ongoing, suspended, ended");
        }

        var limit = 1000;
        if (query["limit"].Count > 0 && (!int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > 1000))
        {
            return BadValueAsync(ctx, sim, "limit", "1-1000");
        }

        var start = 0;
        if (query["token"].Count > 0 && !TryReadToken(query["token"].ToString(), out start))
        {
            return BadValueAsync(ctx, sim, "token", "a token from nextPageToken");
        }
        else if (query["token"].Count == 0 && query["offset"].Count > 0 && !int.TryParse(query["offset"], NumberStyles.None, CultureInfo.InvariantCulture, out start))
        {
            return BadValueAsync(ctx, sim, "offset", "0 or more");
        }

        var ids = sim.State.Onedata.ListExecutions(spaceId, phase);
        var take = Math.Min(limit, behaviour.OnedataPageLimit);
        var page = new JsonArray();
        for (var i = start; i < ids.Count && i < start + take; i++)
        {
            page.Add(ids[i]);
        }

        var end = start + page.Count;
        var isLast = end >= ids.Count;
        var body = new JsonObject { ["atmWorkflowExecutions"] = page, ["isLast"] = isLast };
        if (behaviour.OnedataRepeatToken)
        {
            // The broken server: always the token of the second page, never the end.
            body["isLast"] = false;
            body["nextPageToken"] = Token(take);
        }
        else if (!isLast)
        {
            body["nextPageToken"] = Token(end);
        }

        return Respond.JsonAsync(ctx, 200, body);
    }

    // Opaque to clients, as the real tokens are.
    private static string Token(int index) => Convert.ToBase64String(Encoding.UTF8.GetBytes("sim-page:" + index.ToString(CultureInfo.InvariantCulture)));

    private static bool TryReadToken(string token, out int index)
    {
        index = 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return text.StartsWith("sim-page:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan("sim-page:".Length), NumberStyles.None, CultureInfo.InvariantCulture, out index);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static Task BadValueAsync(HttpContext ctx, SimulatorContext sim, string key, string allowed) =>
        Respond.JsonAsync(ctx, 400, OnedataErrorBody.Create(sim.Options.OnedataErrorShape, "badValueNotAllowed",
            $"Bad value: provided \"{key}\" must be one of: {allowed}.", new JsonObject { ["key"] = key }, ctx.Request.Host.Host));
}
