using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OperationsModule.Simulator.Hosting;

namespace OperationsModule.Simulator.Systems;

/// <summary>VMware Cloud Foundation SDDC Manager: tokens and tasks (api-reference.md §4).</summary>
internal static class VcfEndpoints
{
    // Exact body from the PowerVCF PR; only these two fields.
    private const string UnauthorizedBody = "{\"errorCode\":\"Unauthorized\",\"message\":\"Authorization Header is missing or not in correct format\"}";

    public static void Map(IEndpointRouteBuilder app, SimulatorContext sim)
    {
        app.MapPost("/v1/tokens", ctx => CreateTokenAsync(ctx, sim));
        app.MapPatch("/v1/tokens/access-token/refresh", ctx => RefreshAsync(ctx, sim));
        app.MapDelete("/v1/tokens/refresh-token", ctx => RevokeAsync(ctx, sim));
        app.MapDelete("/v1/tasks/{id}", (HttpContext ctx, string id) => CancelAsync(ctx, sim, Respond.RouteId(id)));
        app.MapGet("/v1/tasks/{id}", (HttpContext ctx, string id) => GetTaskAsync(ctx, sim, Respond.RouteId(id)));
        app.MapGet("/v1/tasks", ctx => ListTasksAsync(ctx, sim));
    }

    /// <summary>The VCF Error object with every field present.</summary>
    public static Task ErrorAsync(HttpContext ctx, SimulatorContext sim, int status, string errorCode, string message, string remediation, params string[] arguments)
    {
        var args = new JsonArray();
        foreach (var a in arguments)
        {
            args.Add(a);
        }

        var body = new JsonObject
        {
            ["errorCode"] = errorCode,
            ["errorType"] = "ERROR",
            ["message"] = message,
            ["remediationMessage"] = remediation,
            ["arguments"] = args,
            ["causes"] = new JsonArray(new JsonObject { ["type"] = "com.vmware.vcf.common.fsm.plugins.exceptions." + errorCode, ["message"] = message }),
            ["context"] = new JsonObject(),
            ["nestedErrors"] = new JsonArray(),
            ["referenceToken"] = sim.Random.UpperToken(),
        };
        return Respond.JsonAsync(ctx, status, body);
    }

    private static async Task CreateTokenAsync(HttpContext ctx, SimulatorContext sim)
    {
        string? subject = null;
        try
        {
            using var doc = await JsonDocument.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted).ConfigureAwait(false);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                var o = sim.Options;
                if (Str(root, "apiKey") is string key && key == o.VcfApiKey)
                {
                    subject = "service-account";
                }
                else if (Str(root, "username") == o.VcfUser && Str(root, "password") == o.VcfPassword)
                {
                    subject = o.VcfUser;
                }
            }
        }
        catch (JsonException)
        {
            await ErrorAsync(ctx, sim, 400, "INVALID_REQUEST_BODY", "The request body is not valid JSON.", "Send {\"username\",\"password\"} or {\"apiKey\"}.").ConfigureAwait(false);
            return;
        }

        if (subject is null)
        {
            await ErrorAsync(ctx, sim, 401, "AUTHENTICATION_FAILED", "Invalid credentials.", "Check the user name and password or API key.").ConfigureAwait(false);
            return;
        }

        var access = IssueAccessToken(sim, subject);
        var refreshId = Guid.NewGuid().ToString();
        sim.State.Vcf.RecordIssued(refreshId, subject);
        var body = new JsonObject { ["accessToken"] = access, ["refreshToken"] = new JsonObject { ["id"] = refreshId } };
        await Respond.JsonAsync(ctx, sim.Options.VcfTokenStatusCode, body).ConfigureAwait(false);
    }

    private static async Task RefreshAsync(HttpContext ctx, SimulatorContext sim)
    {
        var refreshId = await ReadRefreshIdAsync(ctx, sim).ConfigureAwait(false);
        if (refreshId is null)
        {
            return;
        }

        if (!sim.State.Vcf.TryRefresh(refreshId, out var subject))
        {
            await RefreshTokenNotFoundAsync(ctx, sim).ConfigureAwait(false);
            return;
        }

        var access = IssueAccessToken(sim, subject);
        await Respond.TextAsync(ctx, 200, JsonSerializer.Serialize(access), Respond.Json).ConfigureAwait(false);
    }

    /// <summary>
    /// Invalidate Refresh Token: the spec documents only 204. An unknown or already revoked id gets the same 404 as
    /// the refresh call (the spec is silent there); the access tokens already issued live on until they expire.
    /// </summary>
    private static async Task RevokeAsync(HttpContext ctx, SimulatorContext sim)
    {
        var refreshId = await ReadRefreshIdAsync(ctx, sim).ConfigureAwait(false);
        if (refreshId is null)
        {
            return;
        }

        if (!sim.State.Vcf.TryRevoke(refreshId))
        {
            await RefreshTokenNotFoundAsync(ctx, sim).ConfigureAwait(false);
            return;
        }

        await Respond.EmptyAsync(ctx, StatusCodes.Status204NoContent).ConfigureAwait(false);
    }

    // The id is not echoed in the error: it is a secret, and error bodies end up in logs.
    private static Task RefreshTokenNotFoundAsync(HttpContext ctx, SimulatorContext sim) =>
        ErrorAsync(ctx, sim, 404, "REFRESH_TOKEN_NOT_FOUND", "Refresh token not found.", "Request a new token pair with POST /v1/tokens.");

    /// <summary>
    /// The refresh and revoke bodies: the refresh-token id as a JSON string, Content-Type application/json (without it
    /// SDDC Manager answers the refresh 400, as PowerVCF's refresh found). Answers the 400 itself and returns null when the body is wrong.
    /// </summary>
    private static async Task<string?> ReadRefreshIdAsync(HttpContext ctx, SimulatorContext sim)
    {
        var mediaType = ctx.Request.ContentType?.Split(';')[0].Trim();
        if (!string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            await ErrorAsync(ctx, sim, 400, "INVALID_CONTENT_TYPE", "Content-Type must be application/json.", "Send the refresh token id as a JSON string with Content-Type: application/json.").ConfigureAwait(false);
            return null;
        }

        string? refreshId = null;
        try
        {
            using var doc = await JsonDocument.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted).ConfigureAwait(false);
            if (doc.RootElement.ValueKind == JsonValueKind.String)
            {
                refreshId = doc.RootElement.GetString();
            }
        }
        catch (JsonException)
        {
        }

        if (refreshId is null)
        {
            await ErrorAsync(ctx, sim, 400, "INVALID_REQUEST_BODY", "The body must be the refresh token id as a JSON string.", "Send \"<refresh-token-id>\".").ConfigureAwait(false);
        }

        return refreshId;
    }

    private static async Task CancelAsync(HttpContext ctx, SimulatorContext sim, string id)
    {
        if (!await AuthorizeAsync(ctx, sim).ConfigureAwait(false))
        {
            return;
        }

        switch (sim.State.Vcf.TryCancel(id))
        {
            case VcfState.CancelOutcome.Cancelled:
                sim.State.Vcf.Settling.Start(id, sim.State.Listing.CancelSettleReads);
                await Respond.EmptyAsync(ctx, 200).ConfigureAwait(false); // 200 with no body, not 204
                break;
            case VcfState.CancelOutcome.NotFound:
                await ErrorAsync(ctx, sim, 404, "TASK_NOT_FOUND", $"Task with id {id} not found.", "Check the task id.", id).ConfigureAwait(false);
                break;
            default:
                var status = sim.State.Vcf.GetStatus(id) ?? "UNKNOWN";
                await ErrorAsync(ctx, sim, 409, "TASK_CANNOT_BE_CANCELLED", $"Task {id} is in {status} state; only an IN_PROGRESS task can be cancelled.", "Check the task status before cancelling.", id, status).ConfigureAwait(false);
                break;
        }
    }

    private static async Task GetTaskAsync(HttpContext ctx, SimulatorContext sim, string id)
    {
        if (!await AuthorizeAsync(ctx, sim).ConfigureAwait(false))
        {
            return;
        }

        var status = sim.State.Vcf.GetStatus(id);
        if (status is null)
        {
            await ErrorAsync(ctx, sim, 404, "TASK_NOT_FOUND", $"Task with id {id} not found.", "Check the task id.", id).ConfigureAwait(false);
            return;
        }

        var settling = sim.State.Vcf.Settling.Read(id);
        await Respond.JsonAsync(ctx, 200, TaskJson(sim.State.Vcf, id, settling ? "IN_PROGRESS" : status, cancelRequested: settling)).ConfigureAwait(false);
    }

    /// <summary>GET /v1/tasks: a PageOfTask with the vendor's paging and filters (Listing/VcfTaskListing).</summary>
    private static async Task ListTasksAsync(HttpContext ctx, SimulatorContext sim)
    {
        if (!await AuthorizeAsync(ctx, sim).ConfigureAwait(false))
        {
            return;
        }

        await Listing.VcfTaskListing.WriteAsync(ctx, sim).ConfigureAwait(false);
    }

    /// <summary>The Task object of GET /v1/tasks/{id} and of each element of GET /v1/tasks.</summary>
    /// <param name="cancelRequested">An accepted cancel still settling: the task reads IN_PROGRESS but cannot be cancelled again.</param>
    internal static JsonObject TaskJson(VcfState state, string id, string status, bool cancelRequested = false)
    {
        var details = state.DetailsOf(id);
        var ended = status is not ("IN_PROGRESS" or "PENDING" or "QUEUED");
        var body = new JsonObject
        {
            ["id"] = id,
            ["name"] = details.Name,
            ["type"] = details.Type,
            ["status"] = VcfState.Display(id, status),
            ["creationTimestamp"] = details.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"),
            ["subTasks"] = new JsonArray(),
            ["errors"] = new JsonArray(),
            ["resources"] = new JsonArray(),
            ["isCancellable"] = status == "IN_PROGRESS" && !cancelRequested,
            ["isRetryable"] = status == "FAILED",
        };
        // The spec types completionTimestamp as a string (not nullable): a running task has none, so the field is left out.
        if (ended)
        {
            body["completionTimestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
        }

        return body;
    }

    private static string IssueAccessToken(SimulatorContext sim, string subject)
    {
        var lifetime = TimeSpan.FromSeconds(sim.Options.TokenLifetimeSeconds);
        var token = TokenFactory.JwtLike("vcf-auth", "sddc-services", subject, DateTimeOffset.UtcNow + lifetime);
        sim.State.Vcf.AccessTokens.Add(token, subject, lifetime);
        return token;
    }

    private static async Task<bool> AuthorizeAsync(HttpContext ctx, SimulatorContext sim)
    {
        var header = ctx.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) &&
            sim.State.Vcf.AccessTokens.TryValidate(header.Substring(7).Trim(), out _))
        {
            return true;
        }

        await Respond.TextAsync(ctx, 401, UnauthorizedBody, Respond.Json).ConfigureAwait(false);
        return false;
    }

    private static string? Str(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
