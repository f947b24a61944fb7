using System.Net.Http;
using System.Threading.Tasks;
using OperationsModule.Simulator;
using OperationsModule.Core.Tests.Engine;
using Xunit;

namespace OperationsModule.Core.Tests.Simulator;

/// <summary>The per-status tally the bench reads its share of refusals from.</summary>
public sealed class ResponseTallyTests
{
    [Fact]
    public async Task Each_answer_is_counted_by_status_with_the_journal_off_but_not_the_control_surface()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { JournalEnabled = false });
        sim.Faults.Add(FaultAction.Status(429, "1"), pathPattern: "/v1/tasks/", times: 2);
        sim.Faults.Add(FaultAction.ConnectionReset(), pathPattern: "/reset");
        using var http = SimTestClient.For(sim);

        for (var i = 0; i < 3; i++)
        {
            using var _ = await http.DeleteAsync("v1/tasks/x");
        }

        using (var fresh = SimTestClient.For(sim))
        {
            // A new connection: HttpClient retries a reset on a reused one, which would count twice.
            await Assert.ThrowsAsync<HttpRequestException>(() => fresh.GetAsync("reset"));
        }

        using var control = await http.GetAsync("_sim/switches");

        // The tally is written when the server's pipeline unwinds, which can be after the client saw its answer
        // (an abort always is): wait for the fourth entry, then check where each one went.
        BulkEngineTests.WaitUntil(() => sim.Responses.Total >= 4);
        Assert.Equal((2L, 1L, 1L, 4L), (sim.Responses.Count(429), sim.Responses.Count(401), sim.Responses.Count(0), sim.Responses.Total));
        sim.Reset();
        Assert.Equal(0, sim.Responses.Total);
    }
}
