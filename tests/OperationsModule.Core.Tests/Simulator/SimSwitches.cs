using System.Net.Http;
using System.Threading.Tasks;
using OperationsModule.Simulator;

namespace OperationsModule.Core.Tests.Simulator;

/// <summary>Flips the simulator's runtime switches over its control surface, as the demo or a Pester test would.</summary>
internal static class SimSwitches
{
    public static async Task<HttpResponseMessage> PostAsync(SimulatorServer sim, string json)
    {
        using var http = SimTestClient.For(sim);
        return await http.PostAsync("_sim/switches", SimTestClient.Json(json));
    }

    public static async Task SetAsync(SimulatorServer sim, string json)
    {
        using var response = await PostAsync(sim, json);
        response.EnsureSuccessStatusCode();
    }

    public static Task OnedataShapeAsync(SimulatorServer sim, OnedataErrorShape shape) =>
        SetAsync(sim, "{\"onedataErrorShape\":\"" + shape.ToString().ToLowerInvariant() + "\"}");
}
