using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OperationsModule.Simulator.Faults;

namespace OperationsModule.Simulator;

/// <summary>What a fault does to a request. Create one with the static factories.</summary>
public abstract class FaultAction
{
    private protected FaultAction() { }

    /// <summary>A short name for logs and the /_sim/ view.</summary>
    public abstract string Kind { get; }

    /// <summary>Returns true when the response is finished; false lets normal handling run (e.g. after latency).</summary>
    internal abstract Task<bool> ExecuteAsync(HttpContext context, FaultRuntime runtime);

    /// <summary>True when a request this action lets through (returns false) was still changed by it, e.g. delayed.</summary>
    internal virtual bool ChangesPassingRequests => false;

    /// <summary>Called when the rule joins a plan, with the plan's time (for faults that start when switched on).</summary>
    internal virtual void OnAdded(DateTimeOffset now)
    {
    }

    /// <summary>Wait, then handle normally. Jitter adds a seeded random 0..jitter.</summary>
    public static FaultAction Latency(TimeSpan delay, TimeSpan? jitter = null) => new LatencyFault(delay, jitter ?? TimeSpan.Zero);

    /// <summary>A status with an optional Retry-After (sent verbatim: seconds or an HTTP-date) and body.</summary>
    public static FaultAction Status(int statusCode, string? retryAfter = null, string? body = null, string? contentType = null) =>
        new StatusFault(statusCode, retryAfter, body, contentType);

    /// <summary>A token bucket of <paramref name="rate"/> requests/s and <paramref name="burst"/>; refuses the excess with the status and Retry-After ("auto": seconds to the next token).</summary>
    public static RateLimitFault RateLimit(double rate, int burst, int statusCode = 429, string? retryAfter = "1", LimitHeaderStyle headers = LimitHeaderStyle.None) =>
        new RateLimitFault(rate, burst, statusCode, retryAfter, headers);

    /// <summary>At most <paramref name="limit"/> requests per <paramref name="window"/>; the excess is refused with Retry-After to the window's end ("auto": seconds, "date": an HTTP date).</summary>
    public static FixedWindowFault FixedWindow(int limit, TimeSpan window, int statusCode = 429, LimitHeaderStyle headers = LimitHeaderStyle.None, string? retryAfter = "auto") =>
        new FixedWindowFault(limit, window, statusCode, retryAfter, headers);

    /// <summary>Everything refused (default 429, Retry-After 1; "auto" / "date" = the outage's end) for <paramref name="duration"/>, then nothing.</summary>
    public static OutageFault Outage(TimeSpan duration, int statusCode = 429, string? retryAfter = "1", OutageStart start = OutageStart.FirstRequest) =>
        new OutageFault(duration, statusCode, retryAfter, start, closeConnection: false);

    /// <summary>
    /// Everything refused for <paramref name="duration"/>, then nothing: with <paramref name="closeConnection"/> the
    /// connection is closed without an answer (a server going down), else the status (default 503) is answered.
    /// </summary>
    public static OutageFault Outage(TimeSpan duration, int statusCode, string? retryAfter, OutageStart start, bool closeConnection) =>
        new OutageFault(duration, statusCode, retryAfter, start, closeConnection);

    /// <summary>The endpoint's real answer with its full Content-Length, but only the first half of the body, then the connection closes.</summary>
    public static FaultAction Truncated() => new TruncatedFault();

    /// <summary>
    /// The request's credentials (Authorization, auth_token, X-Auth-Token, and a login's body) are replaced by ones
    /// the simulator refuses, so the endpoint answers with its own vendor's refusal (Onedata: 400 badToken).
    /// </summary>
    public static FaultAction Unauthorized() => new UnauthorizedFault();

    /// <summary>Abort the connection without any response.</summary>
    public static FaultAction ConnectionReset() => new ConnectionResetFault();

    /// <summary>A proxy-style HTML error page.</summary>
    public static FaultAction HtmlError(int statusCode = 502) => new BodyFault("html", statusCode, "text/html", HtmlPage(statusCode));

    /// <summary>Truncated JSON labelled application/json.</summary>
    public static FaultAction MalformedJson(int statusCode = 500) =>
        new BodyFault("malformedJson", statusCode, "application/json", "{\"error\": {\"status\": " + statusCode + ", \"message\": \"trunc");

    /// <summary>Valid JSON that is not an object (default <c>[1,2]</c>).</summary>
    public static FaultAction NotAnObjectJson(int statusCode = 500, string json = "[1,2]") =>
        new BodyFault("notAnObjectJson", statusCode, "application/json", json);

    /// <summary>Never answers: hangs until the client disconnects or the server is disposed.</summary>
    public static FaultAction NeverAnswer() => new NeverAnswerFault();

    /// <summary>A redirect (e.g. 302 to another host/port, or https -&gt; http).</summary>
    public static FaultAction Redirect(int statusCode, string location) => new RedirectFault(statusCode, location);

    /// <summary>Streams <paramref name="bytes"/> bytes of JSON-looking filler. Content-Length is sent only when asked.</summary>
    public static FaultAction HugeBody(int statusCode, long bytes, bool declareLength = false) => new HugeBodyFault(statusCode, bytes, declareLength);

    /// <summary>Dribbles the body: <paramref name="bytesPerTick"/> bytes every tick, up to totalBytes (null = until the client gives up).</summary>
    public static FaultAction SlowLoris(int statusCode, int bytesPerTick, TimeSpan tickInterval, long? totalBytes = null) =>
        new SlowLorisFault(statusCode, bytesPerTick, tickInterval, totalBytes);

    /// <summary>A JSON body labelled with the wrong media type (default text/html).</summary>
    public static FaultAction WrongContentType(int statusCode, string contentType = "text/html", string body = "{\"message\":\"json labelled as something else\"}") =>
        new BodyFault("wrongContentType", statusCode, contentType, body);

    internal static string HtmlPage(int status) =>
        $"<html>\r\n<head><title>{status} {Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status)}</title></head>\r\n<body>\r\n<center><h1>{status} {Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status)}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
}
