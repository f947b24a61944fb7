using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OperationsModule.Simulator.Hosting;

namespace OperationsModule.Simulator.Systems;

/// <summary>BigChange REST API: the auth proxy and "Cancel a job" (api-reference.md §5).</summary>
internal static class BigChangeEndpoints
{
    /// <summary>The cancel path is unconfirmed by vendor text (PUT .../cancel inferred from sibling calls); change it here only.</summary>
    public const string CancelMethod = "PUT";
    public const string CancelPath = "/v1/jobs/{jobId}/cancel";
    public const string TokenPath = "/auth/tokens";
    /// <summary>The scope "Cancel a job" requires.</summary>
    public const string WriteScope = "jobs:write";
    private const int MaxReasonLength = 500;

    public static void Map(IEndpointRouteBuilder app, SimulatorContext sim)
    {
        app.MapPost(TokenPath, ctx => TokenAsync(ctx, sim));
        app.MapMethods(CancelPath, new[] { CancelMethod }, (HttpContext ctx, string jobId) => CancelAsync(ctx, sim, jobId));
        app.MapGet("/v1/jobs/{jobId}", (HttpContext ctx, string jobId) => GetJobAsync(ctx, sim, jobId));
        BigChangeJobListEndpoints.Map(app, sim);
        Control.BigChangeJobSeedEndpoint.Map(app, sim);
    }

    /// <summary>RFC 7807 ProblemDetails as ASP.NET Core writes it (type/title per status, plus traceId).</summary>
    public static Task ProblemAsync(HttpContext ctx, int status, string detail, JsonObject? errors = null, string contentType = Respond.ProblemJson)
    {
        var body = new JsonObject
        {
            ["type"] = TypeUri(status),
            ["title"] = errors is null ? Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) : "One or more validation errors occurred.",
            ["status"] = status,
            ["detail"] = detail,
            ["instance"] = ctx.Request.Path.Value,
        };
        if (errors is not null)
        {
            body["errors"] = errors;
        }

        body["traceId"] = ctx.TraceIdentifier;
        return Respond.JsonAsync(ctx, status, body, contentType);
    }

    private static Task ValidationAsync(HttpContext ctx, string field, string message, string contentType = Respond.ProblemJson) =>
        ProblemAsync(ctx, 422, "See the errors property for details.", new JsonObject { [field] = new JsonArray(message) }, contentType);

    private static async Task TokenAsync(HttpContext ctx, SimulatorContext sim)
    {
        // The token endpoint documents its errors as application/json (the API proper uses problem+json).
        const string ct = Respond.Json;
        var form = ctx.Request.HasFormContentType ? await ctx.Request.ReadFormAsync(ctx.RequestAborted).ConfigureAwait(false) : null;
        foreach (var field in new[] { "grant_type", "client_id", "client_secret" })
        {
            if (form is null || string.IsNullOrEmpty(form[field].ToString()))
            {
                await ValidationAsync(ctx, field, $"The {field} field is required.", ct).ConfigureAwait(false);
                return;
            }
        }

        if (form!["grant_type"] != "client_credentials")
        {
            await ProblemAsync(ctx, 400, "unsupported_grant_type: only client_credentials is supported.", contentType: ct).ConfigureAwait(false);
            return;
        }

        var clientId = form["client_id"].ToString();
        if (!KnownClient(sim.Options, clientId, form["client_secret"].ToString()))
        {
            // A plain 400 problem: the proxy's words need not contain "invalid_client" (the module must not rely on it).
            await ProblemAsync(ctx, 400, "The client credentials are not valid.", contentType: ct).ConfigureAwait(false);
            return;
        }

        var lifetime = TimeSpan.FromSeconds(sim.Options.TokenLifetimeSeconds);
        var token = TokenFactory.JwtLike("bigchange-auth-proxy", "bigchange-api", clientId, DateTimeOffset.UtcNow + lifetime);
        sim.State.BigChange.Tokens.Add(token, clientId, lifetime);
        sim.State.BigChange.RecordIssued();
        var body = new JsonObject { ["access_token"] = token, ["expires_in"] = sim.Options.TokenLifetimeSeconds };
        await Respond.JsonAsync(ctx, 200, body).ConfigureAwait(false);
    }

    /// <summary>
    /// Check order mirrors an ASP.NET Core API: auth, tenant header, model validation (422), then lookup (404),
    /// tenant ownership (403) and the state rule. A started/suspended/completed/cancelled job answers 422 with an
    /// errors entry for "jobId": the docs leave 400 vs 422 unconfirmed, and 422 is the documented validation shape.
    /// </summary>
    private static async Task CancelAsync(HttpContext ctx, SimulatorContext sim, string jobIdText)
    {
        if (!Authorized(ctx, sim, out var clientId))
        {
            ctx.Response.Headers.WWWAuthenticate = "Bearer";
            await Respond.EmptyAsync(ctx, 401).ConfigureAwait(false); // undocumented; empty body
            return;
        }

        // Authorization runs before the action in ASP.NET Core, so a missing scope answers before any validation.
        if (clientId == sim.Options.BigChangeReadOnlyClientId)
        {
            await ProblemAsync(ctx, 403, $"The access token lacks the {WriteScope} scope.").ConfigureAwait(false);
            return;
        }

        if (!TryCustomer(ctx, out var customerId))
        {
            await ProblemAsync(ctx, 400, "The Customer-Id header is required and must be a number.").ConfigureAwait(false);
            return;
        }

        if (!long.TryParse(jobIdText, NumberStyles.None, CultureInfo.InvariantCulture, out var jobId) || jobId < 1)
        {
            await ProblemAsync(ctx, 400, $"The value '{jobIdText}' is not a valid job id.").ConfigureAwait(false);
            return;
        }

        var (reason, reasonError, unsupported) = await ReadReasonAsync(ctx).ConfigureAwait(false);
        if (unsupported)
        {
            await ProblemAsync(ctx, 415, "The request body must be a JSON string (Content-Type: application/json).").ConfigureAwait(false);
            return;
        }

        if (reasonError is not null)
        {
            await ValidationAsync(ctx, "reason", reasonError).ConfigureAwait(false);
            return;
        }

        switch (sim.State.BigChange.TryCancel(jobId, customerId, out var current))
        {
            case BigChangeState.CancelOutcome.Cancelled:
                await Respond.EmptyAsync(ctx, 204).ConfigureAwait(false);
                break;
            case BigChangeState.CancelOutcome.NotFound:
                await ProblemAsync(ctx, 404, $"Job {jobId} was not found.").ConfigureAwait(false);
                break;
            case BigChangeState.CancelOutcome.WrongCustomer:
                await ProblemAsync(ctx, 403, $"Customer {customerId} has not granted access to job {jobId}.").ConfigureAwait(false);
                break;
            default:
                await ValidationAsync(ctx, "jobId", $"Job {jobId} has status '{current}' and cannot be cancelled.").ConfigureAwait(false);
                break;
        }

        _ = reason; // The reason is accepted and journaled; the simulator does not store it.
    }

    private static async Task GetJobAsync(HttpContext ctx, SimulatorContext sim, string jobIdText)
    {
        if (!Authorized(ctx, sim, out _))
        {
            await Respond.EmptyAsync(ctx, 401).ConfigureAwait(false);
            return;
        }

        if (!TryCustomer(ctx, out var customerId))
        {
            await ProblemAsync(ctx, 400, "The Customer-Id header is required and must be a number.").ConfigureAwait(false);
            return;
        }

        var job = long.TryParse(jobIdText, NumberStyles.None, CultureInfo.InvariantCulture, out var jobId) ? sim.State.BigChange.GetJob(jobId) : null;
        if (job is null)
        {
            await ProblemAsync(ctx, 404, $"Job {jobIdText} was not found.").ConfigureAwait(false);
            return;
        }

        if (job.CustomerId != customerId)
        {
            await ProblemAsync(ctx, 403, $"Customer {customerId} has not granted access to job {jobId}.").ConfigureAwait(false);
            return;
        }

        await Respond.JsonAsync(ctx, 200, BigChangeJobListEndpoints.ToJson(job)).ConfigureAwait(false);
    }

    private static async Task<(string? Reason, string? Error, bool UnsupportedMediaType)> ReadReasonAsync(HttpContext ctx)
    {
        string text;
        using (var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8))
        {
            text = await reader.ReadToEndAsync(ctx.RequestAborted).ConfigureAwait(false);
        }

        if (text.Length == 0)
        {
            return (null, "A non-empty request body is required.", false);
        }

        var media = ctx.Request.ContentType?.Split(';')[0].Trim() ?? string.Empty;
        if (!media.Equals("application/json", StringComparison.OrdinalIgnoreCase) && !media.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, null, true);
        }

        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.String)
            {
                return (null, "The JSON value could not be converted to System.String.", false);
            }

            var reason = doc.RootElement.GetString() ?? string.Empty;
            if (string.IsNullOrWhiteSpace(reason))
            {
                return (null, "The reason field is required.", false);
            }

            return reason.Length > MaxReasonLength
                ? (null, $"The field reason must be a string with a maximum length of {MaxReasonLength}.", false)
                : (reason, null, false);
        }
        catch (JsonException)
        {
            return (null, "The request body is not valid JSON.", false);
        }
    }

    internal static bool Authorized(HttpContext ctx, SimulatorContext sim, out string clientId)
    {
        var header = ctx.Request.Headers.Authorization.ToString();
        clientId = string.Empty;
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) &&
               sim.State.BigChange.Tokens.TryValidate(header.Substring(7).Trim(), out clientId);
    }

    /// <summary>The full app, or the one granted jobs:read only.</summary>
    private static bool KnownClient(SimulatorOptions o, string clientId, string secret) =>
        (clientId == o.BigChangeClientId && secret == o.BigChangeClientSecret) ||
        (clientId == o.BigChangeReadOnlyClientId && secret == o.BigChangeReadOnlyClientSecret);

    internal static bool TryCustomer(HttpContext ctx, out long customerId) =>
        long.TryParse(ctx.Request.Headers["Customer-Id"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out customerId);

    private static string TypeUri(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        422 => "https://tools.ietf.org/html/rfc4918#section-11.2",
        _ => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
    };
}
