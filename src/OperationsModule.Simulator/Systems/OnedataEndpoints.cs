using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OperationsModule.Simulator.Hosting;

namespace OperationsModule.Simulator.Systems;

/// <summary>Onedata Oneprovider automation executions (api-reference.md §3). Status codes follow ctool errors.erl.</summary>
internal static class OnedataEndpoints
{
    public const string Root = "/api/v3/oneprovider";
    private const string Workflows = Root + "/automation/execution/workflows";

    public static void Map(IEndpointRouteBuilder app, SimulatorContext sim)
    {
        app.MapPost(Workflows + "/{wid}/cancel", (HttpContext ctx, string wid) => CancelAsync(ctx, sim, Respond.RouteId(wid)));
        app.MapGet(Workflows + "/{wid}", (HttpContext ctx, string wid) => DetailsAsync(ctx, sim, Respond.RouteId(wid)));
        app.MapGet(Root + "/spaces/{spaceId}/automation/execution/workflows", ctx => ListAsync(ctx, sim));
    }

    /// <summary>An error in the shape the runtime switch selects (nested ErrorJson by default, or the spec's flat one).</summary>
    private static Task ErrorAsync(HttpContext ctx, SimulatorContext sim, int status, string id, string description, JsonObject? details = null) =>
        Respond.JsonAsync(ctx, status, OnedataErrorBody.Create(sim.Options.OnedataErrorShape, id, description, details, ctx.Request.Host.Host));

    private static async Task CancelAsync(HttpContext ctx, SimulatorContext sim, string wid)
    {
        if (!await AuthorizeAsync(ctx, sim).ConfigureAwait(false))
        {
            return;
        }

        switch (sim.State.Onedata.TryCancel(wid))
        {
            case OnedataState.CancelOutcome.Cancelled:
                await Respond.EmptyAsync(ctx, StatusCodes.Status204NoContent).ConfigureAwait(false);
                break;
            case OnedataState.CancelOutcome.NotFound:
                await NotFoundAsync(ctx, sim).ConfigureAwait(false);
                break;
            default:
                // Which of the three stop-state errors a real server picks is unconfirmed; all map to 400.
                await ErrorAsync(ctx, sim, 400, "atmWorkflowExecutionEnded", "Automation workflow execution has already ended.").ConfigureAwait(false);
                break;
        }
    }

    private static async Task DetailsAsync(HttpContext ctx, SimulatorContext sim, string wid)
    {
        if (!await AuthorizeAsync(ctx, sim).ConfigureAwait(false))
        {
            return;
        }

        if (!sim.State.Onedata.TryGet(wid, out var e))
        {
            await NotFoundAsync(ctx, sim).ConfigureAwait(false);
            return;
        }

        // Times are in seconds here (unlike ctx.timestamp, which is ms).
        var scheduled = e.ScheduledAt.ToUnixTimeSeconds();
        var ended = OnedataState.IsEnded(e.Status);
        var body = new JsonObject
        {
            ["atmWorkflowExecutionId"] = wid,
            ["atmWorkflowSchemaSnapshotId"] = "snapshot-" + wid,
            ["name"] = "Simulated workflow",
            ["atmInventoryId"] = "sim-inventory",
            ["spaceId"] = "sim-space",
            ["userId"] = "sim-user",
            ["status"] = e.Status,
            ["scheduleTime"] = scheduled,
            ["startTime"] = scheduled,
            ["suspendTime"] = 0,
            ["finishTime"] = ended ? DateTimeOffset.UtcNow.ToUnixTimeSeconds() : 0,
            ["lambdaSnapshotRegistry"] = new JsonObject(),
            ["storeRegistry"] = new JsonObject(),
            ["systemAuditLogStoreId"] = "audit-" + wid,
            ["lanes"] = new JsonArray(),
        };
        await Respond.JsonAsync(ctx, 200, body).ConfigureAwait(false);
    }

    /// <summary>
    /// GET /spaces/{sid}/automation/execution/workflows?phase=: the execution ids of the phase in one last page. The
    /// simulator has one space, so any space id lists every execution; phases are ongoing and ended (default ongoing).
    /// </summary>
    private static async Task ListAsync(HttpContext ctx, SimulatorContext sim)
    {
        if (!await AuthorizeAsync(ctx, sim).ConfigureAwait(false))
        {
            return;
        }

        var phase = ctx.Request.Query["phase"].ToString();
        var ids = new JsonArray();
        foreach (var id in sim.State.Onedata.ListExecutions(phase.Length == 0 ? "ongoing" : phase))
        {
            ids.Add(id);
        }

        await Respond.JsonAsync(ctx, 200, new JsonObject { ["atmWorkflowExecutions"] = ids, ["isLast"] = true }).ConfigureAwait(false);
    }

    private static Task NotFoundAsync(HttpContext ctx, SimulatorContext sim) =>
        ErrorAsync(ctx, sim, 404, "notFound", "The resource could not be found.");

    /// <summary>X-Auth-Token only: none -> 401, unknown -> 400 badToken (not 401!), forbidden -> 403.</summary>
    private static async Task<bool> AuthorizeAsync(HttpContext ctx, SimulatorContext sim)
    {
        var token = ctx.Request.Headers["X-Auth-Token"].ToString();
        if (token.Length == 0)
        {
            await ErrorAsync(ctx, sim, 401, "unauthorized", "You must authenticate yourself to perform this operation.").ConfigureAwait(false);
            return false;
        }

        if (token == sim.Options.OnedataToken)
        {
            return true;
        }

        if (token == sim.Options.OnedataForbiddenToken)
        {
            await ErrorAsync(ctx, sim, 403, "forbidden", "You are not authorized to perform this operation (insufficient privileges?).").ConfigureAwait(false);
            return false;
        }

        await ErrorAsync(ctx, sim, 400, "badToken", "Provided token could not be understood by the server.").ConfigureAwait(false);
        return false;
    }
}
