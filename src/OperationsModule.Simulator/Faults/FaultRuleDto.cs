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
/// (status 429 and Retry-After "1" by default; "auto" = seconds to the next token, "date" = that moment as an HTTP date),
/// fixedWindow(limit,windowMs,status,headers,retryAfter; Retry-After "auto" by default): e.g. <c>{"action":{"kind":"fixedWindow","limit":100,"windowMs":2000,"headers":"github"}}</c>,
/// outage(durationMs,status,retryAfter,start; "auto"/"date" = the outage's end, "none" = no Retry-After): e.g. <c>{"action":{"kind":"outage","durationMs":3000}}</c> (429, Retry-After "1";
/// start "firstRequest" (default) or "whenAdded"; "closeConnection":true closes each connection unanswered instead),
/// truncated (the endpoint's answer, cut off after half its body), unauthorized (the request's credentials replaced by
/// refused ones, so the endpoint refuses it in its vendor's way). headers (rateLimit, fixedWindow): none, github, draft, structured, lying.
/// Per-item rules: "oneIn":10,"oneInOffset":0 picks one raw path in ten (see <see cref="FaultRule.OneIn"/>), e.g. the item mix
/// <c>{"path":"^/v1/tasks/","oneIn":10,"oneInOffset":0,"perPathTimes":2,"action":{"kind":"status","status":429,"retryAfter":"1"}}</c>.
/// DELETE /_sim/faults lifts them all.
/// </summary>
internal sealed class FaultRuleDto
{
    [JsonPropertyName("method")] public string? Method { get; set; }
    [JsonPropertyName("path")] public string? Path { get; set; }
    [JsonPropertyName("times")] public int? Times { get; set; }
    [JsonPropertyName("perPathTimes")] public int? PerPathTimes { get; set; }
    [JsonPropertyName("probability")] public double? Probability { get; set; }
    [JsonPropertyName("oneIn")] public int? OneIn { get; set; }
    [JsonPropertyName("oneInOffset")] public int? OneInOffset { get; set; }
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
            OneIn = OneIn,
            OneInOffset = OneInOffset ?? 0,
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
    [JsonPropertyName("limit")] public int? Limit { get; set; }
    [JsonPropertyName("windowMs")] public int? WindowMs { get; set; }
    [JsonPropertyName("durationMs")] public int? DurationMs { get; set; }
    [JsonPropertyName("start")] public string? Start { get; set; }
    [JsonPropertyName("headers")] public string? Headers { get; set; }
    [JsonPropertyName("closeConnection")] public bool? CloseConnection { get; set; }

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
            "ratelimit" => FaultAction.RateLimit(Rate ?? throw new ArgumentException("'rate' is required for rateLimit."), Burst ?? 1, Status ?? 429, RetryAfter ?? "1", LimitHeaderWriter.Parse(Headers)),
            "fixedwindow" => FaultAction.FixedWindow(
                Limit ?? throw new ArgumentException("'limit' is required for fixedWindow."),
                TimeSpan.FromMilliseconds(WindowMs ?? throw new ArgumentException("'windowMs' is required for fixedWindow.")),
                Status ?? 429,
                LimitHeaderWriter.Parse(Headers),
                RetryAfter ?? "auto"),
            "outage" => FaultAction.Outage(
                TimeSpan.FromMilliseconds(DurationMs ?? throw new ArgumentException("'durationMs' is required for outage.")),
                Status ?? 429,
                RetryAfter ?? "1",
                ParseStart(Start),
                CloseConnection ?? false),
            "truncated" => FaultAction.Truncated(),
            "unauthorized" => FaultAction.Unauthorized(),
            "wrongcontenttype" => FaultAction.WrongContentType(Status ?? 200, ContentType ?? "text/html", Body ?? "{\"message\":\"json labelled as something else\"}"),
            _ => throw new ArgumentException($"Unknown fault kind '{Kind}'."),
        };
    }

    private static OutageStart ParseStart(string? text) =>
        text is null ? OutageStart.FirstRequest
        : Enum.TryParse<OutageStart>(text, ignoreCase: true, out var start) && Enum.IsDefined(start) ? start
        : throw new ArgumentException($"'start' must be firstRequest or whenAdded, not '{text}'.");
}
