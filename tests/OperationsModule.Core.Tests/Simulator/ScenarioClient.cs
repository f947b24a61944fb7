using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;

namespace OperationsModule.Core.Tests.Simulator;

/// <summary>A simulator on a virtual clock with Onedata executions to cancel, and a plain client for them.</summary>
internal sealed class ScenarioClient : IAsyncDisposable
{
    public const string CancelPattern = "/cancel$";
    private const string Workflows = "api/v3/oneprovider/automation/execution/workflows/";

    private ScenarioClient(SimulatorServer sim, VirtualClock clock)
    {
        Sim = sim;
        Clock = clock;
        Http = SimTestClient.For(sim);
        Http.DefaultRequestHeaders.Add("X-Auth-Token", sim.Options.OnedataToken);
    }

    public SimulatorServer Sim { get; }
    public VirtualClock Clock { get; }
    public HttpClient Http { get; }

    public static async Task<ScenarioClient> StartAsync()
    {
        var clock = new VirtualClock();
        var sim = await SimulatorServer.StartAsync(new SimulatorOptions { TimeProvider = new VirtualTimeProvider(clock) });
        return new ScenarioClient(sim, clock);
    }

    public List<string> Seed(int count, string prefix = "wf-")
    {
        var ids = Enumerable.Range(1, count).Select(i => prefix + i).ToList();
        Sim.State.Onedata.AddExecutions(ids);
        return ids;
    }

    /// <summary>The raw path the simulator sees for an execution's cancel (what OneIn picks by).</summary>
    public static string RawPath(string id) => "/" + Workflows + id + "/cancel";

    public Task<HttpResponseMessage> CancelAsync(string id) => Http.PostAsync(Workflows + id + "/cancel", null);

    public async Task<int> StatusAsync(string id)
    {
        using var response = await CancelAsync(id);
        return (int)response.StatusCode;
    }

    public void Advance(double seconds) => Clock.Advance(TimeSpan.FromSeconds(seconds));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Sim.DisposeAsync();
    }
}
