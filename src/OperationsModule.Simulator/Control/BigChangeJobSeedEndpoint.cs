using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OperationsModule.Simulator.Hosting;

namespace OperationsModule.Simulator.Control;

/// <summary>
/// POST /_sim/seed/bigchange/jobs: BigChange jobs with the details the list call filters on.
/// {"jobs":[{"id":1,"status":"scheduled","customerId":4242,"startAt":"2026-12-08T09:00:00Z","createdAt":"…","reference":"R-1","description":"…"}]}
/// or {"from":1,"count":10000,"status":"scheduled","startAt":"…"} (every field but id/from/count optional;
/// without startAt a job starts tomorrow, see <see cref="BigChangeState.SeedJob"/>).
/// </summary>
internal static class BigChangeJobSeedEndpoint
{
    public const string Path = "/_sim/seed/bigchange/jobs";

    public static void Map(IEndpointRouteBuilder app, SimulatorContext sim) =>
        app.MapPost(Path, ctx => SeedAsync(ctx, sim));

    private static async Task SeedAsync(HttpContext ctx, SimulatorContext sim)
    {
        try
        {
            var body = await JsonNode.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted).ConfigureAwait(false) as JsonObject
                ?? throw new ArgumentException("The body must be a JSON object.");
            foreach (var job in (body["jobs"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
            {
                Seed(sim, job, job["id"]?.GetValue<long>() ?? throw new ArgumentException("Every job needs an 'id'."));
            }

            if (body["from"] is JsonNode from && body["count"] is JsonNode count)
            {
                var start = from.GetValue<long>();
                for (var i = 0; i < count.GetValue<int>(); i++)
                {
                    Seed(sim, body, start + i);
                }
            }

            await Respond.EmptyAsync(ctx, 204).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            await Respond.JsonAsync(ctx, 400, new JsonObject { ["error"] = ex.Message }).ConfigureAwait(false);
        }
    }

    private static void Seed(SimulatorContext sim, JsonObject item, long id)
    {
        var status = item["status"]?.GetValue<string>() ?? "scheduled";
        if (!BigChangeState.Statuses.Contains(status, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{status}' is not a BigChange job status ({string.Join(", ", BigChangeState.Statuses)}).");
        }

        sim.State.BigChange.SeedJob(id, status, item["customerId"]?.GetValue<long>(), Time(item, "startAt"), Time(item, "createdAt"),
            item["reference"]?.GetValue<string>(), item["description"]?.GetValue<string>());
    }

    private static DateTimeOffset? Time(JsonObject item, string name) =>
        item[name] is JsonNode node ? DateTimeOffset.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : null;
}
