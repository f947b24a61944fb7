using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;

namespace OperationsModule.Core.Tests.Systems.OLConnect
{
    /// <summary>Shared steps of the output creation tests: connections to the simulator and a side channel that polls it directly.</summary>
    internal static class OutputCreationFixture
    {
        public const string Service = "/rest/serverengine/workflow/outputcreation/";

        public static ConnectionRequest Request(SimulatorServer sim) =>
            Connections.PerCall(OperationsSystem.OLConnect, sim.BaseUri, Connections.Credential(sim.Options.OlConnectUser, sim.Options.OlConnectPassword));

        public static ConnectionPlan Plan(SimulatorServer sim, SessionStore? store = null) => new ConnectionPlan(Request(sim), store ?? new SessionStore());

        public static ResolvedConnection Connect(SimulatorServer sim) => Connections.Resolve(Request(sim));

        /// <summary>Polls getProgress outside the module (another client watching the same server).</summary>
        public static async Task<HttpResponseMessage> PollDirectlyAsync(SimulatorServer sim, string operationId)
        {
            using var http = new HttpClient { BaseAddress = sim.BaseUri };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes(sim.Options.OlConnectUser + ":" + sim.Options.OlConnectPassword)));
            return await http.GetAsync(Service.TrimStart('/') + "getProgress/" + operationId);
        }

        /// <summary>Method and path of every request the module made, in order ("GET getProgress/op-1").</summary>
        public static IReadOnlyList<string> Calls(SimulatorServer sim) =>
            sim.Journal.Snapshot().Select(r => r.Method + " " + (r.Path.StartsWith(Service, StringComparison.Ordinal) ? r.Path.Substring(Service.Length) : r.Path)).ToList();

        public static OutputCreationOperation Operation(SimulatorServer sim, string id) =>
            OutputCreationOperation.FromId(id, sim.BaseUri);
    }
}
