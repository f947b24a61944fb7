using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace OperationsModule.Simulator.Hosting;

/// <summary>Writes responses exactly: status, content type and body, nothing added by a framework.</summary>
internal static class Respond
{
    public const string Json = "application/json";
    public const string ProblemJson = "application/problem+json";
    public const string Text = "text/plain";

    // Like ASP.NET Core's own JSON output: quotes and apostrophes are not \u-escaped.
    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Task JsonAsync(HttpContext context, int status, JsonNode body, string contentType = Json) =>
        TextAsync(context, status, body.ToJsonString(Relaxed), contentType);

    public static Task TextAsync(HttpContext context, int status, string body, string contentType = Text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        context.Response.ContentLength = bytes.Length;
        return context.Response.Body.WriteAsync(bytes, 0, bytes.Length, context.RequestAborted);
    }

    public static Task BytesAsync(HttpContext context, int status, byte[] body, string contentType)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, 0, body.Length, context.RequestAborted);
    }

    /// <summary>A status with a zero-length body (Content-Length: 0 for 200s, none for 204).</summary>
    public static Task EmptyAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        if (status != StatusCodes.Status204NoContent && status != StatusCodes.Status304NotModified)
        {
            context.Response.ContentLength = 0;
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Route values come from the decoded path, except that Kestrel leaves %2F escaped (so a '/' inside an ID cannot
    /// split the path). Undo that so an ID such as "a/b" sent as "a%2Fb" is looked up as "a/b".
    /// </summary>
    public static string RouteId(string value) =>
        value.Contains('%') ? Uri.UnescapeDataString(value) : value;

    public static long NowMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
