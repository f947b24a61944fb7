using System;
using System.Text.Json.Serialization;

namespace OperationsModule.Simulator.Faults;

/// <summary>
/// The JSON form of a rule for POST /_sim/faults, e.g.
/// <c>{"method":"DELETE","path":"^/v1/tasks/","perPathTimes":2,"action":{"kind":"status","status":503,"retryAfter":"1"}}</c>.
/// Action kinds: latency(delayMs,jitterMs), status(status,retryAfter,body,contentType), connectionReset,
/// html(status), malformedJson(status), notAnObjectJson(status,body), neverAnswer, redirect(status,location),
/// hugeBody(status,bytes,declareLength), slowLoris(status,bytesPerTick,tickMs,bytes), wrongContentType(status,contentType,body),
/// rateLimit(rate,burst,status,retryAfter): a token bucket, e.g. <c>{"path":"^/rest/","action":{"kind":"rateLimit","rate":50,"burst":5}}</c>
/// (status 429 and Retry-After "1" by default; "auto" = seconds to the next token). DELETE /_sim/faults lifts it.
/// </summary>
internal sealed class FaultRuleDto
{
    [JsonPropertyName("method")] public string? Method { get; set; }
    [JsonPropertyName("path")] public string? Path { get; set; }
    [JsonPropertyName("times")] public int? Times { get; set; }
    [JsonPropertyName("perPathTimes")] public int? PerPathTimes { get; set; }
    [JsonPropertyName("probability")] public double? Probability { get; set; }
    [JsonPropertyName("action")] public FaultActionDto? Action { get; set; }

    public FaultRule ToRule()
    {
        if (Action is null)
        {
            throw new ArgumentException("'action' is required.");
        }

        return new FaultRule(Action.ToAction())
        {
            Method = Method,
            PathPattern = Path,
            Times = Times,
            PerPathTimes = PerPathTimes,
            Probability = Probability,
        };
    }
}

internal sealed class FaultActionDto
{
    [JsonPropertyName("kind")] public string? Kind { get; set; }
    [JsonPropertyName("status")] public int? Status { get; set; }
    [JsonPropertyName("retryAfter")] public string? RetryAfter { get; set; }
    [JsonPropertyName("body")] public string? Body { get; set; }
    [JsonPropertyName("contentType")] public string? ContentType { get; set; }
    [JsonPropertyName("delayMs")] public int? DelayMs { get; set; }
    [JsonPropertyName("jitterMs")] public int? JitterMs { get; set; }
    [JsonPropertyName("location")] public string? Location { get; set; }
    [JsonPropertyName("bytes")] public long? Bytes { get; set; }
    [JsonPropertyName("declareLength")] public bool? DeclareLength { get; set; }
    [JsonPropertyName("bytesPerTick")] public int? BytesPerTick { get; set; }
    [JsonPropertyName("tickMs")] public int? TickMs { get; set; }
    [JsonPropertyName("rate")] public double? Rate { get; set; }
    [JsonPropertyName("burst")] public int? Burst { get; set; }

    public FaultAction ToAction()
    {
        var status = Status ?? 500;
        return (Kind ?? string.Empty).ToLowerInvariant() switch
        {
            "latency" => FaultAction.Latency(TimeSpan.FromMilliseconds(DelayMs ?? 0), TimeSpan.FromMilliseconds(JitterMs ?? 0)),
            "status" => FaultAction.Status(status, RetryAfter, Body, ContentType),
            "connectionreset" => FaultAction.ConnectionReset(),
            "html" or "htmlerror" => FaultAction.HtmlError(Status ?? 502),
            "malformedjson" => FaultAction.MalformedJson(status),
            "notanobjectjson" => FaultAction.NotAnObjectJson(status, Body ?? "[1,2]"),
            "neveranswer" => FaultAction.NeverAnswer(),
            "redirect" => FaultAction.Redirect(Status ?? 302, Location ?? throw new ArgumentException("'location' is required for redirect.")),
            "hugebody" => FaultAction.HugeBody(Status ?? 200, Bytes ?? 10_000_000, DeclareLength ?? false),
            "slowloris" => FaultAction.SlowLoris(Status ?? 200, BytesPerTick ?? 1, TimeSpan.FromMilliseconds(TickMs ?? 1000), Bytes),
            "ratelimit" => FaultAction.RateLimit(Rate ?? throw new ArgumentException("'rate' is required for rateLimit."), Burst ?? 1, Status ?? 429, RetryAfter ?? "1"),
            "wrongcontenttype" => FaultAction.WrongContentType(Status ?? 200, ContentType ?? "text/html", Body ?? "{\"message\":\"json labelled as something else\"}"),
            _ => throw new ArgumentException($"Unknown fault kind '{Kind}'."),
        };
    }
}
