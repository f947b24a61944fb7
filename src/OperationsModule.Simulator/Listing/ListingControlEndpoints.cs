using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OperationsModule.Simulator.Hosting;

namespace OperationsModule.Simulator.Listing;

/// <summary>
/// Control surface for the list calls (no auth, not journaled, never faulted, as the rest of /_sim/):
/// GET /_sim/listing shows <see cref="ListingBehaviour"/>; POST /_sim/listing {"cancelSettleReads":2,
/// "vcfFirstPageNumber":0,"vcfRepeatFirstPage":true,"onedataPageLimit":2,"onedataRepeatToken":true} changes the ones
/// named (all checked first). POST /_sim/listing/vcf {"tasks":[{"id","status","name","type","createdAt"}]} and
/// POST /_sim/listing/onedata {"executions":[{"id","status","spaceId","name"}]} seed items with what the lists show;
/// {"prefix":"t-","count":10000,"status":..} seeds many plain ones.
/// </summary>
internal static class ListingControlEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatorContext sim)
    {
        app.MapGet("/_sim/listing", ctx => Respond.JsonAsync(ctx, 200, Current(sim.State.Listing)));
        app.MapPost("/_sim/listing", ctx => RunAsync(ctx, body => Change(sim.State.Listing, body), () => Current(sim.State.Listing)));
        app.MapPost("/_sim/listing/vcf", ctx => RunAsync(ctx, body => SeedVcf(sim.State.Vcf, body), null));
        app.MapPost("/_sim/listing/onedata", ctx => RunAsync(ctx, body => SeedOnedata(sim.State.Onedata, body), null));
    }

    private static async Task RunAsync(HttpContext ctx, Action<JsonObject> apply, Func<JsonObject>? answer)
    {
        try
        {
            var body = await JsonNode.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted).ConfigureAwait(false) as JsonObject
                ?? throw new ArgumentException("The body must be a JSON object.");
            apply(body);
            if (answer is null)
            {
                await Respond.EmptyAsync(ctx, 204).ConfigureAwait(false);
            }
            else
            {
                await Respond.JsonAsync(ctx, 200, answer()).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            await Respond.JsonAsync(ctx, 400, new JsonObject { ["error"] = ex.Message }).ConfigureAwait(false);
        }
    }

    private static JsonObject Current(ListingBehaviour b) => new()
    {
        ["cancelSettleReads"] = b.CancelSettleReads,
        ["vcfFirstPageNumber"] = b.VcfFirstPageNumber,
        ["vcfRepeatFirstPage"] = b.VcfRepeatFirstPage,
        ["onedataPageLimit"] = b.OnedataPageLimit,
        ["onedataRepeatToken"] = b.OnedataRepeatToken,
    };

    private static void Change(ListingBehaviour b, JsonObject body)
    {
        // Everything is checked before anything changes, so a bad request leaves the behaviour as it was.
        var settle = body["cancelSettleReads"] is JsonNode s ? Range(s.GetValue<int>(), 0, 100, "cancelSettleReads") : b.CancelSettleReads;
        var first = body["vcfFirstPageNumber"] is JsonNode f ? Range(f.GetValue<int>(), 0, 1, "vcfFirstPageNumber") : b.VcfFirstPageNumber;
        var limit = body["onedataPageLimit"] is JsonNode l ? Range(l.GetValue<int>(), 1, 1000, "onedataPageLimit") : b.OnedataPageLimit;
        var repeatPage = body["vcfRepeatFirstPage"]?.GetValue<bool>() ?? b.VcfRepeatFirstPage;
        var repeatToken = body["onedataRepeatToken"]?.GetValue<bool>() ?? b.OnedataRepeatToken;
        b.CancelSettleReads = settle;
        b.VcfFirstPageNumber = first;
        b.OnedataPageLimit = limit;
        b.VcfRepeatFirstPage = repeatPage;
        b.OnedataRepeatToken = repeatToken;
    }

    private static int Range(int value, int min, int max, string name) =>
        value >= min && value <= max ? value : throw new ArgumentException($"{name} must be {min}-{max}, not {value}.");

    private static void SeedVcf(VcfState state, JsonObject body)
    {
        foreach (var task in (body["tasks"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var id = task["id"]?.ToString() ?? throw new ArgumentException("Each task needs an id.");
            var created = task["createdAt"] is JsonNode at ? DateTimeOffset.Parse(at.ToString(), System.Globalization.CultureInfo.InvariantCulture) : DateTimeOffset.UtcNow.AddMinutes(-5);
            state.AddTask(id, task["status"]?.ToString() ?? "IN_PROGRESS", task["name"]?.ToString() ?? "Simulated task " + id, task["type"]?.ToString() ?? "SIMULATED_OPERATION", created);
        }

        if (body["count"] is JsonNode count)
        {
            var prefix = body["prefix"]?.ToString() ?? "task-";
            state.AddTasks(Enumerable.Range(1, count.GetValue<int>()).Select(i => prefix + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)), body["status"]?.ToString() ?? "IN_PROGRESS");
        }
    }

    private static void SeedOnedata(OnedataState state, JsonObject body)
    {
        foreach (var execution in (body["executions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var id = execution["id"]?.ToString() ?? throw new ArgumentException("Each execution needs an id.");
            state.AddExecution(id, execution["status"]?.ToString() ?? "active", execution["spaceId"]?.ToString(), execution["name"]?.ToString());
        }

        if (body["count"] is JsonNode count)
        {
            var prefix = body["prefix"]?.ToString() ?? "exec-";
            var spaceId = body["spaceId"]?.ToString();
            var status = body["status"]?.ToString() ?? "active";
            foreach (var i in Enumerable.Range(1, count.GetValue<int>()))
            {
                state.AddExecution(prefix + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture), status, spaceId, null);
            }
        }
    }
}
