using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace OperationsModule.Simulator.Hosting;

/// <summary>The request target exactly as sent: HttpRequest.Path is already unescaped, RawTarget is not.</summary>
internal static class RawTarget
{
    public static (string Path, string Query) Split(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw))
        {
            return (context.Request.PathBase + context.Request.Path.ToUriComponent(), context.Request.QueryString.Value ?? string.Empty);
        }

        var q = raw.IndexOf('?');
        return q < 0 ? (raw, string.Empty) : (raw.Substring(0, q), raw.Substring(q));
    }

    public static string Path(HttpContext context) => Split(context).Path;
}
