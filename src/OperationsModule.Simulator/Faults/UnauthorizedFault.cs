using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OperationsModule.Simulator.Hosting;

namespace OperationsModule.Simulator.Faults;

/// <summary>
/// Refuses the credential a request carries, whatever it is: every credential header and a login's body are
/// replaced by values no account has, and the request goes on to its endpoint, which refuses it in its vendor's own
/// way (OL Connect 401, Onedata 400 badToken, VCF 401 with its error body, BigChange 401 or 400 invalid_client). The
/// request log keeps what the client really sent.
/// </summary>
internal sealed class UnauthorizedFault : FaultAction
{
    private const string Refused = "refused-by-simulator";

    public override string Kind => "unauthorized";

    internal override bool ChangesPassingRequests => true;

    internal override Task<bool> ExecuteAsync(HttpContext context, FaultRuntime runtime)
    {
        var headers = context.Request.Headers;
        var authorization = headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            headers.Authorization = authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)
                ? "Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes(Refused + ":" + Refused))
                : "Bearer " + Refused;
        }

        foreach (var name in new[] { "auth_token", "X-Auth-Token" })
        {
            if (headers.ContainsKey(name))
            {
                headers[name] = Refused;
            }
        }

        if (LoginBody(RawTarget.Path(context)) is { } body)
        {
            var bytes = Encoding.UTF8.GetBytes(body.Text);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = body.ContentType;
        }

        return Task.FromResult(false);
    }

    /// <summary>The token calls that carry a secret in their body: VCF's login, refresh and revocation, BigChange's client credentials.</summary>
    private static (string Text, string ContentType)? LoginBody(string path) => path.ToLowerInvariant() switch
    {
        "/v1/tokens" => ("{\"username\":\"" + Refused + "\",\"password\":\"" + Refused + "\"}", Respond.Json),
        "/v1/tokens/access-token/refresh" or "/v1/tokens/refresh-token" => ("\"" + Refused + "\"", Respond.Json),
        "/auth/tokens" => ("grant_type=client_credentials&client_id=" + Refused + "&client_secret=" + Refused, "application/x-www-form-urlencoded"),
        _ => null,
    };
}
