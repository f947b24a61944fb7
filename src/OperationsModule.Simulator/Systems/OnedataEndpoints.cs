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
        app.MapGet(Root + "/spaces/{spaceId}/automation/execution/workflows", (HttpContext ctx, string spaceId) => ListAsync(ctx, sim, Respond.RouteId(spaceId)));
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
                sim.State.Onedata.Settling.Start(wid, sim.State.Listing.CancelSettleReads);
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
        var status = sim.State.Onedata.Settling.Read(wid) ? "stopping" : e.Status;
        var ended = OnedataState.IsEnded(status);
        var (spaceId, name) = sim.State.Onedata.DetailsOf(wid);
        var body = new JsonObject
        {
            ["atmWorkflowExecutionId"] = wid,
            ["atmWorkflowSchemaSnapshotId"] = "snapshot-" + wid,
            ["name"] = name ?? "Simulated workflow",
            ["atmInventoryId"] = "sim-inventory",
            ["spaceId"] = spaceId ?? "sim-space",
            ["userId"] = "sim-user",
            ["status"] = status,
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

    /// <summary>GET /spaces/{sid}/automation/execution/workflows: the vendor's token paging and phases (Listing/OnedataExecutionListing).</summary>
    private static async Task ListAsync(HttpContext ctx, SimulatorContext sim, string spaceId)
    {
        if (!await AuthorizeAsync(ctx, sim).ConfigureAwait(false))
        {
            return;
        }

        await Listing.OnedataExecutionListing.WriteAsync(ctx, sim, spaceId).ConfigureAwait(false);
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
