using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using OperationsModule.Simulator;

namespace OperationsModule.Core.Tests.Infrastructure
{
    /// <summary>Obtains tokens from the simulator with a plain HttpClient, as a user would with another tool.</summary>
    public static class SimulatorLogin
    {
        public static async Task<string> OlConnectTokenAsync(SimulatorServer sim)
        {
            using var http = new HttpClient { BaseAddress = sim.BaseUri };
            using var request = new HttpRequestMessage(HttpMethod.Post, "rest/serverengine/authentication/login");
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes(sim.Options.OlConnectUser + ":" + sim.Options.OlConnectPassword)));
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var token = await response.Content.ReadAsStringAsync();
            sim.Journal.Clear();
            return token;
        }
    }
}
