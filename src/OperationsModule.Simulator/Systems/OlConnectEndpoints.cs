using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OperationsModule.Simulator.Hosting;

namespace OperationsModule.Simulator.Systems;

/// <summary>OL Connect Server REST API: authentication and the Output Creation service (api-reference.md §1-2).</summary>
internal static class OlConnectEndpoints
{
    public const string Root = "/rest/serverengine";
    private const string Service = Root + "/workflow/outputcreation";

    private enum Role { Admin, Viewer }

    public static void Map(IEndpointRouteBuilder app, SimulatorContext sim)
    {
        app.MapPost(Root + "/authentication/login", ctx => LoginAsync(ctx, sim));
        app.MapPost(Service + "/{configId}/jobs", (HttpContext ctx, string configId) => CreateAsync(ctx, sim, Respond.RouteId(configId)));
        app.MapPost(Service + "/cancel/{operationId}", (HttpContext ctx, string operationId) => CancelAsync(ctx, sim, Respond.RouteId(operationId)));
        app.MapGet(Service + "/getProgress/{operationId}", (HttpContext ctx, string operationId) => ProgressAsync(ctx, sim, Respond.RouteId(operationId)));
        app.MapPost(Service + "/getResult/{operationId}", (HttpContext ctx, string operationId) => ResultAsync(ctx, sim, Respond.RouteId(operationId), asText: false));
        app.MapPost(Service + "/getResultTxt/{operationId}", (HttpContext ctx, string operationId) => ResultAsync(ctx, sim, Respond.RouteId(operationId), asText: true));
        app.MapGet(Service + "/getOperations", ctx => OperationsAsync(ctx, sim));
    }

    /// <summary>JSON Error (Common Structures): {"error":{"status","message","parameter"}}.</summary>
    public static Task ErrorAsync(HttpContext ctx, int status, string message, string parameter)
    {
        if (status == StatusCodes.Status401Unauthorized)
        {
            ctx.Response.Headers.WWWAuthenticate = "BASIC";
        }

        var body = new JsonObject
        {
            ["error"] = new JsonObject { ["status"] = status, ["message"] = message, ["parameter"] = parameter },
        };
        return Respond.JsonAsync(ctx, status, body);
    }

    private static Task LoginAsync(HttpContext ctx, SimulatorContext sim)
    {
        var role = BasicRole(ctx, sim.Options);
        if (role is null)
        {
            return ErrorAsync(ctx, 401, "Authentication failed: bad or missing credentials.", string.Empty);
        }

        var token = TokenFactory.Opaque("olc-");
        sim.State.OlConnect.Tokens.Add(token, role.Value.ToString(), TimeSpan.FromSeconds(sim.Options.TokenLifetimeSeconds));
        ctx.Response.Headers["Token-Expires-In"] = sim.Options.TokenLifetimeSeconds.ToString(CultureInfo.InvariantCulture);
        return Respond.TextAsync(ctx, 200, token);
    }

    private static async Task CreateAsync(HttpContext ctx, SimulatorContext sim, string configId)
    {
        if (!await AuthorizeAsync(ctx, sim, write: true).ConfigureAwait(false))
        {
            return;
        }

        var body = await ReadBodyAsync(ctx).ConfigureAwait(false);
        if (!TryParseIdentifierList(body, out var ids, out var createOnly, out var problem))
        {
            // Documented quirk: an invalid JSON Identifier List is a 500, not a 400.
            await ErrorAsync(ctx, 500, "Invalid JSON Identifier List: " + problem, string.Empty).ConfigureAwait(false);
            return;
        }

        var ol = sim.State.OlConnect;
        if (!ol.HasConfig(configId))
        {
            await ErrorAsync(ctx, 404, "Output Creation Preset not found.", configId).ConfigureAwait(false);
            return;
        }

        var missing = ids.FirstOrDefault(id => !ol.HasJob(id), -1);
        if (missing != -1)
        {
            await ErrorAsync(ctx, 404, "Job entity not found.", missing.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            return;
        }

        var op = ol.AddOperation(null, configId, ids, createOnly);
        ctx.Response.Headers["operationId"] = op.Id;
        AddLinks(ctx, sim.Options, op.Id);
        await Respond.EmptyAsync(ctx, StatusCodes.Status202Accepted).ConfigureAwait(false);
    }

    private static void AddLinks(HttpContext ctx, SimulatorOptions options, string operationId)
    {
        // The docs leave the Link syntax open, so both layouts are switchable (see SimulatorOptions).
        var prefix = options.OlConnectAbsoluteLinks ? $"{ctx.Request.Scheme}://{ctx.Request.Host}" : string.Empty;
        var escaped = Uri.EscapeDataString(operationId);
        var links = new[]
        {
            $"<{prefix}{Service}/getProgress/{escaped}>; rel=\"progress\"",
            $"<{prefix}{Service}/getResult/{escaped}>; rel=\"result\"",
            $"<{prefix}{Service}/cancel/{escaped}>; rel=\"cancel\"",
        };
        ctx.Response.Headers.Link = options.OlConnectSeparateLinkHeaders ? links : string.Join(", ", links);
    }

    private static async Task CancelAsync(HttpContext ctx, SimulatorContext sim, string operationId)
    {
        if (!await AuthorizeAsync(ctx, sim, write: true).ConfigureAwait(false))
        {
            return;
        }

        var op = sim.State.OlConnect.GetOperation(operationId);
        if (op is null || IsGone(op, sim.Options))
        {
            // Also covers a cancel after completion once the server has dropped the operation (inferred in the docs).
            await ErrorAsync(ctx, 404, "Operation not found.", operationId).ConfigureAwait(false);
            return;
        }

        lock (op)
        {
            op.Cancelled = true;
            op.StopPollsLeft = Math.Max(0, sim.Options.OlConnectCancelPolls);
        }

        await Respond.EmptyAsync(ctx, StatusCodes.Status204NoContent).ConfigureAwait(false);
    }

    private static async Task ProgressAsync(HttpContext ctx, SimulatorContext sim, string operationId)
    {
        if (!await AuthorizeAsync(ctx, sim, write: false).ConfigureAwait(false))
        {
            return;
        }

        var op = sim.State.OlConnect.GetOperation(operationId);
        string? answer = null;
        if (op is not null)
        {
            lock (op)
            {
                // A cancelled operation leaves the active list at once; a finished one after 'done' was reported once.
                if (op.Cancelled && op.StopPollsLeft > 0)
                {
                    // Still stopping: the last percentage, unchanged.
                    op.StopPollsLeft--;
                    answer = op.Progress.ToString(CultureInfo.InvariantCulture);
                }
                else if (!IsGone(op, sim.Options))
                {
                    if (op.Progress < 100 && !op.DoneReported)
                    {
                        op.Progress = Math.Min(100, op.Progress + Math.Max(1, sim.Options.ProgressStepPercent));
                    }

                    if (op.Progress >= 100)
                    {
                        op.DoneReported = true;
                        answer = "done";
                    }
                    else
                    {
                        answer = op.Progress.ToString(CultureInfo.InvariantCulture);
                    }
                }
            }
        }

        await (answer is null
            ? ErrorAsync(ctx, 404, "Operation not found.", operationId)
            : Respond.TextAsync(ctx, 200, answer)).ConfigureAwait(false);
    }

    private static async Task ResultAsync(HttpContext ctx, SimulatorContext sim, string operationId, bool asText)
    {
        if (!await AuthorizeAsync(ctx, sim, write: false).ConfigureAwait(false))
        {
            return;
        }

        // The result outlives the progress entry: that is what makes "404 on getProgress, then getResult" work.
        var op = sim.State.OlConnect.GetOperation(operationId);
        if (op is null || op.Cancelled)
        {
            await ErrorAsync(ctx, 404, op is null ? "Operation not found." : "Operation was cancelled; no result.", operationId).ConfigureAwait(false);
            return;
        }

        if (!op.Finished)
        {
            // Not documented; 409 says "exists, but not in a state that has a result".
            await ErrorAsync(ctx, 409, $"Operation has not finished (progress {op.Progress}%).", operationId).ConfigureAwait(false);
            return;
        }

        var path = $"/var/olconnect/output/{op.Id}/out.pdf";
        if (asText)
        {
            await Respond.TextAsync(ctx, 200, path).ConfigureAwait(false);
            return;
        }

        var pdf = Encoding.ASCII.GetBytes($"%PDF-1.4\n% simulated output of operation {op.Id}, jobs {string.Join(",", op.JobIds)}\n%%EOF\n");
        await Respond.BytesAsync(ctx, 200, pdf, "application/octet-stream").ConfigureAwait(false);
    }

    private static async Task OperationsAsync(HttpContext ctx, SimulatorContext sim)
    {
        if (!await AuthorizeAsync(ctx, sim, write: false).ConfigureAwait(false))
        {
            return;
        }

        var list = new JsonArray();
        foreach (var op in sim.State.OlConnect.Operations.Where(o => !IsGone(o, sim.Options)).OrderBy(o => o.StartTime))
        {
            list.Add(new JsonObject
            {
                ["id"] = op.Id,
                ["type"] = "OutputCreationRestService",
                ["subTask"] = "Creating output",
                ["startTime"] = op.StartTime.ToUnixTimeMilliseconds(),
                ["progress"] = op.Progress,
            });
        }

        await Respond.JsonAsync(ctx, 200, list).ConfigureAwait(false);
    }

    private static bool IsGone(OlOperation op, SimulatorOptions options) =>
        (op.Cancelled && op.StopPollsLeft <= 0) || (op.DoneReported && options.OlConnectDropFinishedOperations);

    /// <summary>Basic (admin or viewer) or the auth_token header. Writes 401/403 and returns false when refused.</summary>
    private static async Task<bool> AuthorizeAsync(HttpContext ctx, SimulatorContext sim, bool write)
    {
        if (!sim.Options.OlConnectSecurityEnabled)
        {
            return true;
        }

        Role? role = null;
        var token = ctx.Request.Headers["auth_token"].ToString();
        if (token.Length > 0)
        {
            if (sim.State.OlConnect.Tokens.TryValidate(token, out var subject))
            {
                role = Enum.Parse<Role>(subject);
            }
            else
            {
                await ErrorAsync(ctx, 401, "Authentication token is invalid or has expired.", string.Empty).ConfigureAwait(false);
                return false;
            }
        }
        else
        {
            role = BasicRole(ctx, sim.Options);
        }

        if (role is null)
        {
            await ErrorAsync(ctx, 401, "Authentication required: bad or missing credentials.", string.Empty).ConfigureAwait(false);
            return false;
        }

        if (write && role == Role.Viewer)
        {
            await ErrorAsync(ctx, 403, "The user's role does not grant access to this method.", string.Empty).ConfigureAwait(false);
            return false;
        }

        return true;
    }

    private static Role? BasicRole(HttpContext ctx, SimulatorOptions options)
    {
        var header = ctx.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Substring(6).Trim()));
        }
        catch (FormatException)
        {
            return null;
        }

        var colon = decoded.IndexOf(':');
        if (colon < 0)
        {
            return null;
        }

        var (user, password) = (decoded.Substring(0, colon), decoded.Substring(colon + 1));
        if (user == options.OlConnectUser && password == options.OlConnectPassword)
        {
            return Role.Admin;
        }

        return user == options.OlConnectViewerUser && password == options.OlConnectViewerPassword ? Role.Viewer : null;
    }

    private static async Task<string> ReadBodyAsync(HttpContext ctx)
    {
        using var reader = new System.IO.StreamReader(ctx.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(ctx.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Strict: an object with a non-empty "identifiers" array of integers and an optional boolean "createOnly"; nothing else.</summary>
    private static bool TryParseIdentifierList(string body, out IReadOnlyList<long> ids, out bool createOnly, out string problem)
    {
        ids = Array.Empty<long>();
        createOnly = false;
        problem = string.Empty;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = "expected a JSON object";
                return false;
            }

            var list = new List<long>();
            var sawIdentifiers = false;
            foreach (var prop in doc.RootElement.EnumerateObject())
            {
                switch (prop.Name)
                {
                    case "identifiers" when prop.Value.ValueKind == JsonValueKind.Array:
                        sawIdentifiers = true;
                        foreach (var item in prop.Value.EnumerateArray())
                        {
                            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out var id))
                            {
                                problem = "identifiers must be numbers";
                                return false;
                            }

                            list.Add(id);
                        }

                        break;
                    case "createOnly" when prop.Value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                        createOnly = prop.Value.GetBoolean();
                        break;
                    default:
                        problem = $"unexpected or mistyped field '{prop.Name}'";
                        return false;
                }
            }

            if (!sawIdentifiers || list.Count == 0)
            {
                problem = "identifiers is missing or empty";
                return false;
            }

            ids = list;
            return true;
        }
        catch (JsonException)
        {
            problem = "malformed JSON";
            return false;
        }
    }
}
