using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using OperationsModule.Simulator;

namespace OperationsModule.Core.Tests.Simulator;

/// <summary>Plain HttpClient helpers for the simulator's own tests.</summary>
internal static class SimTestClient
{
    public static HttpClient For(SimulatorServer sim) => new() { BaseAddress = sim.BaseUri };

    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<string> VcfTokenAsync(HttpClient http, SimulatorServer sim)
    {
        var body = $"{{\"username\":\"{sim.Options.VcfUser}\",\"password\":\"{sim.Options.VcfPassword}\"}}";
        using var response = await http.PostAsync("v1/tokens", Json(body));
        response.EnsureSuccessStatusCode();
        return (await ReadJsonAsync(response)).GetProperty("accessToken").GetString()!;
    }

    public static async Task<string> BigChangeTokenAsync(HttpClient http, SimulatorServer sim)
    {
        using var form = new FormUrlEncodedContent(new[]
        {
            new System.Collections.Generic.KeyValuePair<string, string>("grant_type", "client_credentials"),
            new("client_id", sim.Options.BigChangeClientId),
            new("client_secret", sim.Options.BigChangeClientSecret),
        });
        using var response = await http.PostAsync("auth/tokens", form);
        response.EnsureSuccessStatusCode();
        return (await ReadJsonAsync(response)).GetProperty("access_token").GetString()!;
    }
}
