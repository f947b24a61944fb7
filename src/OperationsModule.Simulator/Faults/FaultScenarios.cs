using System.Collections.Generic;

namespace OperationsModule.Simulator;

/// <summary>
/// Ready-made sets of rules for the throttling scenarios (per-item refusals, outages, fixed windows, token buckets, limit
/// headers) that the tests and the bench share; each is ordinary rules, lifted by Clear.
/// </summary>
public static class FaultScenarios
{
    /// <summary>How <see cref="ItemMix"/> treats each of its ten buckets of IDs (see <see cref="FaultRule.PathBucket"/>).</summary>
    public enum ItemOutcome
    {
        /// <summary>Refused twice with 429 and Retry-After 1, then served normally.</summary>
        RefusedTwice429,

        /// <summary>Refused once with 503 and Retry-After 1, then served normally.</summary>
        RefusedOnce503,

        /// <summary>An HTML 502 page from a proxy, on every attempt.</summary>
        HtmlBadGateway,

        /// <summary>404 with a JSON body, on every attempt.</summary>
        NotFound,

        /// <summary>409 with a JSON body, on every attempt.</summary>
        Conflict,

        /// <summary>Served normally.</summary>
        Served,
    }

    /// <summary>The outcome <see cref="ItemMix"/> gives a raw path.</summary>
    public static ItemOutcome OutcomeOf(string rawPath) => FaultRule.PathBucket(rawPath, 10) switch
    {
        0 => ItemOutcome.RefusedTwice429,
        1 => ItemOutcome.RefusedOnce503,
        2 => ItemOutcome.HtmlBadGateway,
        3 => ItemOutcome.NotFound,
        4 => ItemOutcome.Conflict,
        _ => ItemOutcome.Served,
    };

    /// <summary>
    /// Item-specific refusals among ordinary answers, on the requests matching <paramref name="pathPattern"/>: one ID
    /// in ten refused twice with 429 (Retry-After 1), another one in ten once with 503 (Retry-After 1), and of the
    /// rest one in ten each an HTML 502 page, a 404 and a 409 (on every attempt), the others served normally. The
    /// server keeps admitting every other request meanwhile: none of this is a limit on the connection.
    /// </summary>
    public static IReadOnlyList<FaultRule> ItemMix(FaultPlan plan, string pathPattern, string? method = null) =>
    [
        plan.Add(FaultAction.Status(429, "1"), method, pathPattern, perPathTimes: 2, oneIn: 10, oneInOffset: 0),
        plan.Add(FaultAction.Status(503, "1"), method, pathPattern, perPathTimes: 1, oneIn: 10, oneInOffset: 1),
        plan.Add(FaultAction.HtmlError(502), method, pathPattern, oneIn: 10, oneInOffset: 2),
        plan.Add(FaultAction.Status(404, body: "{\"message\":\"Not found.\"}", contentType: "application/json"), method, pathPattern, oneIn: 10, oneInOffset: 3),
        plan.Add(FaultAction.Status(409, body: "{\"message\":\"Cannot be cancelled in its current state.\"}", contentType: "application/json"), method, pathPattern, oneIn: 10, oneInOffset: 4),
    ];
}
