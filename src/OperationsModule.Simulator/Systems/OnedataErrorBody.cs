using System.Text;
using System.Text.Json.Nodes;

namespace OperationsModule.Simulator;

/// <summary>Which error body the fake Oneprovider writes; servers of different releases answer in either.</summary>
public enum OnedataErrorShape
{
    /// <summary>{"error":{"id","description","details","ctx"}}: what op-worker 20.02+ sends (ctx since 25.0).</summary>
    Nested,

    /// <summary>{"error":"code","error_description":"text"}: the shape the published Swagger 21.02.7 documents.</summary>
    Flat,
}

/// <summary>Builds Onedata error bodies in either shape from one error id and description.</summary>
public static class OnedataErrorBody
{
    /// <summary>
    /// The spec's one example is {"error":"invalid_token",...} for a bad token, so a flat body spells ids in that
    /// snake_case style (badToken -> invalid_token, notFound -> not_found); the words stay the same.
    /// </summary>
    public static JsonObject Create(OnedataErrorShape shape, string id, string description, JsonObject? details = null, string host = "127.0.0.1") =>
        shape == OnedataErrorShape.Flat
            ? new JsonObject { ["error"] = FlatCode(id), ["error_description"] = description }
            : new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["id"] = id,
                    ["description"] = description,
                    ["details"] = details ?? new JsonObject(),
                    ["ctx"] = Context(host),
                },
            };

    public static string Json(OnedataErrorShape shape, string id, string description) => Create(shape, id, description).ToJsonString();

    public static string FlatCode(string id)
    {
        if (id == "badToken")
        {
            return "invalid_token";
        }

        var code = new StringBuilder(id.Length + 4);
        foreach (var c in id)
        {
            if (char.IsUpper(c) && code.Length > 0)
            {
                code.Append('_');
            }

            code.Append(char.ToLowerInvariant(c));
        }

        return code.ToString();
    }

    private static JsonObject Context(string host) => new()
    {
        ["timestamp"] = System.DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        ["serviceReleaseVersion"] = "25.0",
        ["serviceId"] = "simulated-oneprovider",
        ["serviceDomain"] = host,
        ["serviceBuildVersion"] = "simulator",
        ["service"] = "opw",
        ["onedataErrorsRevision"] = "sim",
        ["module"] = "atm_workflow_execution_api",
        ["line"] = 0,
    };
}
