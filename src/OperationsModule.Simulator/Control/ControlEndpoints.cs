using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OperationsModule.Simulator.Faults;
using OperationsModule.Simulator.Hosting;

namespace OperationsModule.Simulator.Control;

/// <summary>
/// /_sim/: the control surface for out-of-process use (demo, Pester). No auth, not journaled, never faulted.
/// Seed bodies: olconnect {"configs":["x"],"jobs":[1],"operations":[{"id","configId","jobIds":[1],"createOnly","progress"}]};
/// onedata {"executions":[{"id","status"}]} or {"ids":[..],"status"}; vcf {"tasks":[{"id","status"}]} or {"ids":[..],"status"}
/// or {"prefix":"task-","count":10000}; bigchange {"jobs":[{"id","status","customerId"}]} or {"ids":[..],"status","customerId"}
/// or {"from":1,"count":10000}.
/// POST /_sim/scenarios/item-mix {"path":"^/v1/tasks/","method":"DELETE"} adds <see cref="FaultScenarios.ItemMix"/>'s rules
/// (the other scenarios are single rules: see <see cref="FaultRuleDto"/>).
/// </summary>
internal static class ControlEndpoints
{
    public const string Prefix = "/_sim/";

    public static void Map(IEndpointRouteBuilder app, SimulatorContext sim)
    {
        app.MapPost("/_sim/faults", ctx => AddFaultAsync(ctx, sim));
        app.MapPost("/_sim/scenarios/item-mix", ctx => AddItemMixAsync(ctx, sim));
        app.MapDelete("/_sim/faults", ctx => { sim.Faults.Clear(); return Respond.EmptyAsync(ctx, 204); });
        app.MapPost("/_sim/reset", ctx => { sim.Reset(); return Respond.EmptyAsync(ctx, 204); });
        app.MapPost("/_sim/seed/{system}", (HttpContext ctx, string system) => SeedAsync(ctx, sim, system));
        app.MapGet("/_sim/requests", ctx => Respond.JsonAsync(ctx, 200, RedactedJournal.ToJson(sim.Journal.Snapshot())));
        app.MapGet("/_sim/status/{system}/{id}", (HttpContext ctx, string system, string id) => StatusAsync(ctx, sim, system, Respond.RouteId(id)));
    }

    private static async Task AddFaultAsync(HttpContext ctx, SimulatorContext sim)
    {
        try
        {
            var dto = await JsonSerializer.DeserializeAsync<FaultRuleDto>(ctx.Request.Body, cancellationToken: ctx.RequestAborted).ConfigureAwait(false);
            sim.Faults.Add((dto ?? throw new ArgumentException("Empty body.")).ToRule());
            await Respond.EmptyAsync(ctx, 204).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            await Respond.JsonAsync(ctx, 400, new JsonObject { ["error"] = ex.Message }).ConfigureAwait(false);
        }
    }

    private static async Task AddItemMixAsync(HttpContext ctx, SimulatorContext sim)
    {
        try
        {
            var body = await JsonNode.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted).ConfigureAwait(false) as JsonObject
                ?? throw new ArgumentException("The body must be a JSON object.");
            var path = Str(body, "path") ?? throw new ArgumentException("'path' is required (a regex on the raw path).");
            _ = new System.Text.RegularExpressions.Regex(path); // a bad pattern fails here, not in a request
            FaultScenarios.ItemMix(sim.Faults, path, Str(body, "method"));
            await Respond.EmptyAsync(ctx, 204).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            await Respond.JsonAsync(ctx, 400, new JsonObject { ["error"] = ex.Message }).ConfigureAwait(false);
        }
    }

    private static async Task SeedAsync(HttpContext ctx, SimulatorContext sim, string system)
    {
        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted).ConfigureAwait(false) as JsonObject;
        }
        catch (JsonException ex)
        {
            await Respond.JsonAsync(ctx, 400, new JsonObject { ["error"] = ex.Message }).ConfigureAwait(false);
            return;
        }

        body ??= new JsonObject();
        var state = sim.State;
        try
        {
            switch (system.ToLowerInvariant())
            {
                case "olconnect":
                    foreach (var c in Strings(body["configs"]))
                    {
                        state.OlConnect.AddConfig(c);
                    }

                    state.OlConnect.AddJobs(Longs(body["jobs"]).ToArray());
                    foreach (var op in (body["operations"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
                    {
                        state.OlConnect.AddOperation(
                            op["id"]?.ToString(),
                            op["configId"]?.ToString() ?? "1001",
                            Longs(op["jobIds"]).DefaultIfEmpty(1).ToArray(),
                            op["createOnly"]?.GetValue<bool>() ?? true,
                            op["progress"]?.GetValue<int>() ?? 0);
                    }

                    break;
                case "onedata":
                    state.Onedata.AddExecutions(Ids(body), Str(body, "status") ?? "active");
                    foreach (var (id, status) in Items(body["executions"]))
                    {
                        state.Onedata.AddExecution(id, status ?? "active");
                    }

                    break;
                case "vcf":
                    state.Vcf.AddTasks(Ids(body), Str(body, "status") ?? "IN_PROGRESS");
                    foreach (var (id, status) in Items(body["tasks"]))
                    {
                        state.Vcf.AddTask(id, status ?? "IN_PROGRESS");
                    }

                    break;
                case "bigchange":
                    var customer = body["customerId"]?.GetValue<long>();
                    var jobIds = Longs(body["ids"]).ToList();
                    if (body["from"] is JsonNode from && body["count"] is JsonNode count)
                    {
                        var start = from.GetValue<long>();
                        jobIds.AddRange(Enumerable.Range(0, count.GetValue<int>()).Select(i => start + i));
                    }

                    state.BigChange.AddJobs(jobIds, Str(body, "status") ?? "scheduled", customer);
                    foreach (var job in (body["jobs"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
                    {
                        state.BigChange.AddJob(job["id"]!.GetValue<long>(), job["status"]?.ToString() ?? "scheduled", job["customerId"]?.GetValue<long>());
                    }

                    break;
                default:
                    await Respond.JsonAsync(ctx, 404, new JsonObject { ["error"] = $"Unknown system '{system}' (olconnect, onedata, vcf, bigchange)." }).ConfigureAwait(false);
                    return;
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or NullReferenceException)
        {
            await Respond.JsonAsync(ctx, 400, new JsonObject { ["error"] = ex.Message }).ConfigureAwait(false);
            return;
        }

        await Respond.EmptyAsync(ctx, 204).ConfigureAwait(false);
    }

    private static Task StatusAsync(HttpContext ctx, SimulatorContext sim, string system, string id)
    {
        var s = sim.State;
        string? status = system.ToLowerInvariant() switch
        {
            "onedata" => s.Onedata.GetStatus(id),
            "vcf" => s.Vcf.GetStatus(id),
            "bigchange" => long.TryParse(id, out var j) ? s.BigChange.GetStatus(j) : null,
            "olconnect" => s.OlConnect.GetOperation(id) is OlOperation op
                ? (op.Cancelled ? "cancelled" : op.Finished ? "done" : op.Progress + "%")
                : null,
            _ => null,
        };
        return status is null
            ? Respond.JsonAsync(ctx, 404, new JsonObject { ["error"] = "unknown" })
            : Respond.JsonAsync(ctx, 200, new JsonObject { ["id"] = id, ["status"] = status });
    }

    private static IEnumerable<string> Ids(JsonObject body)
    {
        foreach (var id in Strings(body["ids"]))
        {
            yield return id;
        }

        if (body["count"] is JsonNode count && body["from"] is null)
        {
            var prefix = Str(body, "prefix") ?? "id-";
            for (var i = 1; i <= count.GetValue<int>(); i++)
            {
                yield return prefix + i;
            }
        }
    }

    private static IEnumerable<(string Id, string? Status)> Items(JsonNode? node) =>
        (node as JsonArray ?? new JsonArray()).OfType<JsonObject>().Select(o => (o["id"]!.ToString(), Str(o, "status")));

    private static IEnumerable<string> Strings(JsonNode? node) =>
        (node as JsonArray ?? new JsonArray()).Where(n => n is not null).Select(n => n!.ToString());

    private static IEnumerable<long> Longs(JsonNode? node) =>
        (node as JsonArray ?? new JsonArray()).Where(n => n is not null).Select(n => n!.GetValue<long>());

    private static string? Str(JsonObject o, string name) => o[name]?.ToString();
}
