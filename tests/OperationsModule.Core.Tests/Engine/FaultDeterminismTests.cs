using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using OperationsModule.Core.Tests.Simulator;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.Core.Tests.Engine;

/// <summary>Probability faults are a function of the seed and the request, not of arrival order.</summary>
public sealed class FaultDeterminismTests
{
    private static readonly string[] Paths = Enumerable.Range(0, 300).Select(i => "rest/serverengine/workflow/outputcreation/cancel/op-" + i).ToArray();

    [Fact]
    public async Task The_same_seed_faults_the_same_requests_whatever_the_order()
    {
        var forward = await FaultedAsync(seed: 5, Paths);
        var backward = await FaultedAsync(seed: 5, Paths.Reverse().ToArray());
        var otherSeed = await FaultedAsync(seed: 6, Paths);

        Assert.InRange(forward.Count, 40, 140); // about 30% of 300
        Assert.Equal(forward, backward);
        Assert.NotEqual(forward, otherSeed);
    }

    [Fact]
    public async Task Each_attempt_at_a_path_draws_anew()
    {
        var first = await FaultedAsync(seed: 5, Paths);
        var second = await FaultedAsync(seed: 5, Paths.Concat(Paths).ToArray(), onlySecondRound: true);

        Assert.NotEqual(first, second);
    }

    private static async Task<SortedSet<string>> FaultedAsync(int seed, string[] paths, bool onlySecondRound = false)
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Seed = seed, OlConnectSecurityEnabled = false });
        sim.Faults.Add(FaultAction.Status(503), method: "POST", pathPattern: "/cancel/", probability: 0.3);
        using var http = SimTestClient.For(sim);
        var faulted = new SortedSet<string>();
        for (var i = 0; i < paths.Length; i++)
        {
            using var response = await http.PostAsync(paths[i], null);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && (!onlySecondRound || i >= paths.Length / 2)) faulted.Add(paths[i]);
        }
        return faulted;
    }
}
