using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace OperationsModule.Simulator.Control;

/// <summary>
/// The journal as served over HTTP: secrets replaced by "***". The in-process journal keeps real values
/// (tests assert on them); anything that leaves the process — to a demo console, a CI log — is redacted.
/// </summary>
internal static class RedactedJournal
{
    private static readonly HashSet<string> SecretHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "auth_token", "X-Auth-Token", "Cookie", "Set-Cookie", "Proxy-Authorization", "macaroon",
    };

    // Bodies of login/token calls carry passwords, API keys, client secrets or refresh ids.
    private static readonly string[] SecretBodyPaths =
    {
        "/rest/serverengine/authentication/login", "/v1/tokens", "/auth/tokens",
    };

    public static JsonArray ToJson(IReadOnlyList<RecordedRequest> requests)
    {
        var array = new JsonArray();
        foreach (var r in requests)
        {
            var headers = new JsonObject();
            foreach (var (name, value) in r.Headers)
            {
                headers[name] = SecretHeaders.Contains(name) ? "***" : value;
            }

            array.Add(new JsonObject
            {
                ["method"] = r.Method,
                ["path"] = r.Path,
                ["query"] = r.Query,
                ["headers"] = headers,
                ["body"] = IsSecretBody(r.Path) && r.Body.Length > 0 ? "***" : r.Body,
                ["receivedAt"] = r.ReceivedAt.ToString("O"),
                ["status"] = r.Outcome?.StatusCode,
                ["fault"] = r.Outcome?.Fault,
                ["durationMs"] = r.Outcome is { } outcome ? Math.Round(outcome.Duration.TotalMilliseconds, 3) : null,
                ["aborted"] = r.Outcome?.Aborted,
            });
        }

        return array;
    }

    private static bool IsSecretBody(string path)
    {
        foreach (var p in SecretBodyPaths)
        {
            if (path.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
