using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.Core.Tests.Simulator;

/// <summary>An OL Connect cancel that takes effect later: the operation stays listed for some getProgress reads, then leaves.</summary>
public sealed class OlConnectCancelSimulatorTests
{
    [Fact]
    public async Task A_cancelled_operation_keeps_its_percentage_for_the_configured_reads_then_answers_404()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { OlConnectCancelPolls = 2 });
        sim.State.OlConnect.AddOperation("op-9", progress: 40);
        using var http = SimTestClient.For(sim);
        http.DefaultRequestHeaders.Authorization = SimTestClient.Basic(sim.Options.OlConnectUser, sim.Options.OlConnectPassword);
        const string service = "rest/serverengine/workflow/outputcreation/";

        Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsync(service + "cancel/op-9", null)).StatusCode);
        var listed = await SimTestClient.ReadJsonAsync(await http.GetAsync(service + "getOperations"));
        var reads = new[] { 1, 2, 3 }.Select(_ => http.GetAsync(service + "getProgress/op-9").Result).ToList();
        var afterwards = await SimTestClient.ReadJsonAsync(await http.GetAsync(service + "getOperations"));

        Assert.Equal("op-9", listed.EnumerateArray().Single().GetProperty("id").GetString());
        Assert.Equal(new[] { "40", "40" }, reads.Take(2).Select(r => r.Content.ReadAsStringAsync().Result));
        Assert.Equal(HttpStatusCode.NotFound, reads[2].StatusCode);
        Assert.Equal(0, afterwards.GetArrayLength());
    }
}
