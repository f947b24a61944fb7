using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OperationsModule.Simulator.Hosting;

namespace OperationsModule.Simulator.Systems;

/// <summary>
/// BigChange GET /v1/jobs (api-reference.md §6): pageNumber from 1, pageSize 1-1000, envelope
/// {items, pageNumber, pageSize, pageItemCount} without a total. As the live API does, a list without an
/// Id/Reference or a complete date range (CreatedAt, StartAt or StatusModifiedAt From+To) is refused with 422;
/// plannedAtFrom/To is accepted but does not satisfy that rule. List filters take at most 50 values.
/// </summary>
internal static class BigChangeJobListEndpoints
{
    public const string ListPath = "/v1/jobs";
    public const int DefaultPageSize = 100;
    public const int MaximumPageSize = 1000;
    public const int MaximumPageNumber = 2147483;
    public const int MaximumListValues = 50;

    private static readonly string[] Ranges = { "CreatedAt", "StartAt", "StatusModifiedAt" };

    public static void Map(IEndpointRouteBuilder app, SimulatorContext sim) =>
        app.MapGet(ListPath, ctx => ListAsync(ctx, sim));

    /// <summary>A job as the API writes it: camelCase, ISO 8601 times with offset, nulls kept.</summary>
    public static JsonObject ToJson(BigChangeJobView job) => new()
    {
        ["id"] = job.Id,
        ["reference"] = job.Reference,
        ["description"] = job.Description,
        ["status"] = job.Status,
        ["createdAt"] = Time(job.CreatedAt),
        ["startAt"] = job.StartAt is { } start ? Time(start) : null,
        ["statusModifiedAt"] = Time(job.StatusModifiedAt),
    };

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static async Task ListAsync(HttpContext ctx, SimulatorContext sim)
    {
        if (!BigChangeEndpoints.Authorized(ctx, sim, out _))
        {
            ctx.Response.Headers.WWWAuthenticate = "Bearer";
            await Respond.EmptyAsync(ctx, 401).ConfigureAwait(false);
            return;
        }

        if (!BigChangeEndpoints.TryCustomer(ctx, out var customerId))
        {
            await BigChangeEndpoints.ProblemAsync(ctx, 400, "The Customer-Id header is required and must be a number.").ConfigureAwait(false);
            return;
        }

        var query = ctx.Request.Query;
        var errors = new JsonObject();
        var pageNumber = Int(query, "pageNumber", 1, 1, MaximumPageNumber, errors);
        var pageSize = Int(query, "pageSize", DefaultPageSize, 1, MaximumPageSize, errors);
        var ids = Values(query, "Id", errors).Select(v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : Bad<long>(errors, "Id", v)).ToList();
        var references = Values(query, "Reference", errors);
        var statuses = Values(query, "status", errors).Select(v => Canonical(v) ?? Bad<string>(errors, "status", v)).ToList();
        var ranges = Ranges.ToDictionary(name => name, name => Range(query, name, errors));
        _ = Range(query, "plannedAt", errors); // validated, never the required filter
        if (errors.Count > 0)
        {
            await BigChangeEndpoints.ProblemAsync(ctx, 400, "One or more query values are not valid.", errors).ConfigureAwait(false);
            return;
        }

        if (ids.Count == 0 && references.Count == 0 && ranges.Values.All(r => r is null))
        {
            var rule = "Specify Id, Reference, or a complete date range: CreatedAtFrom and CreatedAtTo, StartAtFrom and StartAtTo, or StatusModifiedAtFrom and StatusModifiedAtTo.";
            await BigChangeEndpoints.ProblemAsync(ctx, 422, "See the errors property for details.", new JsonObject { ["filter"] = new JsonArray(rule) }).ConfigureAwait(false);
            return;
        }

        var filter = new BigChangeJobFilter
        {
            CustomerId = customerId,
            Ids = ids,
            References = references,
            Statuses = statuses!,
            StartAt = ranges["StartAt"],
            CreatedAt = ranges["CreatedAt"],
            StatusModifiedAt = ranges["StatusModifiedAt"],
        };
        var page = sim.State.BigChange.Query(filter, pageNumber, pageSize);
        var body = new JsonObject
        {
            ["items"] = new JsonArray(page.Select(j => (JsonNode)ToJson(j)).ToArray()),
            ["pageNumber"] = pageNumber,
            ["pageSize"] = pageSize,
            ["pageItemCount"] = page.Count,
        };
        await Respond.JsonAsync(ctx, 200, body).ConfigureAwait(false);
    }

    /// <summary>The vendor's spelling of a status, matched case-insensitively as ASP.NET binds enums; null when unknown.</summary>
    private static string? Canonical(string value) =>
        BigChangeState.Statuses.FirstOrDefault(s => s.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase));

    private static int Int(IQueryCollection query, string name, int fallback, int min, int max, JsonObject errors)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors[name] = new JsonArray($"The field {name} must be between {min} and {max}.");
        return fallback;
    }

    /// <summary>Repeated keys (ASP.NET's array binding) and comma-separated values alike; at most 50.</summary>
    private static List<string> Values(IQueryCollection query, string name, JsonObject errors)
    {
        var values = query[name].SelectMany(v => (v ?? string.Empty).Split(',')).Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
        if (values.Count > MaximumListValues)
        {
            errors[name] = new JsonArray($"The field {name} must have at most {MaximumListValues} values.");
        }

        return values;
    }

    private static (DateTimeOffset From, DateTimeOffset To)? Range(IQueryCollection query, string name, JsonObject errors)
    {
        var from = Time(query, name + "From", errors);
        var to = Time(query, name + "To", errors);
        if (from is { } f && to is { } t)
        {
            if (f > t)
            {
                errors[name + "From"] = new JsonArray($"{name}From must not be later than {name}To.");
            }

            return (f, t);
        }

        // Half a range filters nothing and, on the live API, does not satisfy the range rule either.
        return null;
    }

    private static DateTimeOffset? Time(IQueryCollection query, string name, JsonObject errors)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value;
        }

        errors[name] = new JsonArray($"The value '{text}' is not valid for {name}.");
        return null;
    }

    private static T? Bad<T>(JsonObject errors, string name, string value)
    {
        errors[name] = new JsonArray($"The value '{value}' is not valid for {name}.");
        return default;
    }
}
