using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.Core.Tests.Simulator;

/// <summary>
/// What the documented examples need from the simulator (tests/Pester/Examples.Tests.ps1): the list calls that two help
/// examples pipe into the cmdlets, the demo data with the docs' IDs, and OL Connect operations that finish at once.
/// </summary>
public sealed class ExampleSupportSimulatorTests
{
    [Fact]
    public async Task GET_v1_tasks_lists_the_tasks_of_a_status_in_either_spelling()
    {
        await using var sim = await SimulatorServer.StartAsync();
        sim.State.Vcf.AddTasks(new[] { "t-2", "t-1" });
        sim.State.Vcf.AddTask("t-done", "SUCCESSFUL");
        using var http = SimTestClient.For(sim);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SimTestClient.VcfTokenAsync(http, sim));

        var running = await SimTestClient.ReadJsonAsync(await http.GetAsync("v1/tasks?taskStatus=IN_PROGRESS"));
        var spelled = await SimTestClient.ReadJsonAsync(await http.GetAsync("v1/tasks?taskStatus=In%20Progress"));
        var all = await SimTestClient.ReadJsonAsync(await http.GetAsync("v1/tasks"));

        Assert.Equal(new[] { "t-1", "t-2" }, running.GetProperty("elements").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        Assert.True(running.GetProperty("elements")[0].GetProperty("isCancellable").GetBoolean());
        Assert.Equal(2, spelled.GetProperty("elements").GetArrayLength());
        Assert.Equal(3, all.GetProperty("elements").GetArrayLength());
        Assert.Equal(3, all.GetProperty("pageMetadata").GetProperty("totalElements").GetInt32());
    }

    [Fact]
    public async Task GET_v1_tasks_wants_a_token()
    {
        await using var sim = await SimulatorServer.StartAsync();
        using var http = SimTestClient.For(sim);

        using var response = await http.GetAsync("v1/tasks");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_Onedata_execution_list_gives_the_ids_of_a_phase()
    {
        await using var sim = await SimulatorServer.StartAsync();
        sim.State.Onedata.AddExecutions(new[] { "w-2", "w-1" });
        sim.State.Onedata.AddExecution("w-done", "finished");
        using var http = SimTestClient.For(sim);
        http.DefaultRequestHeaders.Add("X-Auth-Token", sim.Options.OnedataToken);
        const string List = "api/v3/oneprovider/spaces/s-1/automation/execution/workflows";

        var ongoing = await SimTestClient.ReadJsonAsync(await http.GetAsync(List + "?phase=ongoing"));
        var ended = await SimTestClient.ReadJsonAsync(await http.GetAsync(List + "?phase=ended"));

        Assert.Equal(new[] { "w-1", "w-2" }, ongoing.GetProperty("atmWorkflowExecutions").EnumerateArray().Select(e => e.GetString()));
        Assert.True(ongoing.GetProperty("isLast").GetBoolean());
        Assert.Equal(new[] { "w-done" }, ended.GetProperty("atmWorkflowExecutions").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task The_Onedata_execution_list_refuses_a_bad_token_as_the_other_calls_do()
    {
        await using var sim = await SimulatorServer.StartAsync();
        using var http = SimTestClient.For(sim);
        http.DefaultRequestHeaders.Add("X-Auth-Token", "nonsense");

        using var response = await http.GetAsync("api/v3/oneprovider/spaces/s-1/automation/execution/workflows");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("badToken", (await SimTestClient.ReadJsonAsync(response)).GetProperty("error").GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_progress_step_switch_finishes_an_operation_at_the_first_poll_until_reset()
    {
        await using var sim = await SimulatorServer.StartAsync();
        sim.State.OlConnect.AddOperation("op-1");
        using var http = SimTestClient.For(sim);
        http.DefaultRequestHeaders.Authorization = SimTestClient.Basic(sim.Options.OlConnectUser, sim.Options.OlConnectPassword);
        const string Progress = "rest/serverengine/workflow/outputcreation/getProgress/";

        await SimSwitches.SetAsync(sim, "{\"progressStepPercent\":100}");
        var first = await (await http.GetAsync(Progress + "op-1")).Content.ReadAsStringAsync();
        using var reset = await http.PostAsync("_sim/reset", null);
        sim.State.OlConnect.AddOperation("op-2");
        var afterReset = await (await http.GetAsync(Progress + "op-2")).Content.ReadAsStringAsync();

        Assert.Equal("done", first);
        Assert.Equal("25", afterReset);
    }

    [Theory]
    [InlineData("{\"progressStepPercent\":0}")]
    [InlineData("{\"progressStepPercent\":101}")]
    public async Task A_progress_step_outside_1_to_100_is_refused(string body)
    {
        await using var sim = await SimulatorServer.StartAsync();

        using var response = await SimSwitches.PostAsync(sim, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(25, sim.Options.ProgressStepPercent);
    }

    [Fact]
    public async Task The_demo_data_holds_the_IDs_the_docs_use()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { SeedDemoData = true });

        Assert.True(sim.State.OlConnect.HasJob(103));
        Assert.True(sim.State.OlConnect.GetOperation("4002")!.Finished);
        Assert.Equal(50, sim.State.OlConnect.GetOperation("f7a3c9e2")!.Progress);
        Assert.Equal("active", sim.State.Onedata.GetStatus("11a53ed06d175c89bc3ed5be61f8217cch1890"));
        Assert.Equal("IN_PROGRESS", sim.State.Vcf.GetStatus("c4c6a2d1-5b6e-4f0a-9d2e-2f7a3b1e0c55"));
        Assert.Equal("scheduled", sim.State.BigChange.GetStatus(1234568));
    }
}
