using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.Core.Tests.Simulator;

public sealed class OnedataVcfBigChangeSimulatorTests
{
    private const string Workflows = "api/v3/oneprovider/automation/execution/workflows/";

    [Fact]
    public async Task Onedata_cancel_is_204_then_400_atmWorkflowExecutionEnded()
    {
        await using var sim = await SimulatorServer.StartAsync();
        sim.State.Onedata.AddExecution("wid-1");
        using var http = SimTestClient.For(sim);
        http.DefaultRequestHeaders.Add("X-Auth-Token", sim.Options.OnedataToken);

        using var first = await http.PostAsync(Workflows + "wid-1/cancel", null);
        using var second = await http.PostAsync(Workflows + "wid-1/cancel", null);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal("cancelled", sim.State.Onedata.GetStatus("wid-1"));
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        var error = (await SimTestClient.ReadJsonAsync(second)).GetProperty("error");
        Assert.Equal("atmWorkflowExecutionEnded", error.GetProperty("id").GetString());
        Assert.Equal("opw", error.GetProperty("ctx").GetProperty("service").GetString());
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized, "unauthorized")]
    [InlineData("nonsense", HttpStatusCode.BadRequest, "badToken")]
    [InlineData("onedata-forbidden-token", HttpStatusCode.Forbidden, "forbidden")]
    [InlineData("onedata-good-token", HttpStatusCode.NotFound, "notFound")]
    public async Task Onedata_error_ids_per_token(string? token, HttpStatusCode status, string id)
    {
        await using var sim = await SimulatorServer.StartAsync();
        using var http = SimTestClient.For(sim);
        using var request = new HttpRequestMessage(HttpMethod.Post, Workflows + "unknown/cancel");
        if (token is not null)
        {
            request.Headers.Add("X-Auth-Token", token);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(id, (await SimTestClient.ReadJsonAsync(response)).GetProperty("error").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Vcf_cancel_is_200_empty_then_409_with_full_error()
    {
        await using var sim = await SimulatorServer.StartAsync();
        sim.State.Vcf.AddTask("t-1");
        using var http = SimTestClient.For(sim);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SimTestClient.VcfTokenAsync(http, sim));

        using var first = await http.DeleteAsync("v1/tasks/t-1");
        using var second = await http.DeleteAsync("v1/tasks/t-1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Empty(await first.Content.ReadAsByteArrayAsync());
        Assert.Equal("CANCELLED", sim.State.Vcf.GetStatus("t-1"));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var error = await SimTestClient.ReadJsonAsync(second);
        Assert.Equal(6, error.GetProperty("referenceToken").GetString()!.Length);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, error.GetProperty("causes").ValueKind);
    }

    [Fact]
    public async Task Vcf_expired_token_gives_401_and_refresh_needs_json_content_type()
    {
        await using var sim = await SimulatorServer.StartAsync();
        sim.State.Vcf.AddTask("t-2");
        using var http = SimTestClient.For(sim);
        using var tokens = await http.PostAsync("v1/tokens", SimTestClient.Json("{\"apiKey\":\"vcf-api-key\"}"));
        var refreshId = (await SimTestClient.ReadJsonAsync(tokens)).GetProperty("refreshToken").GetProperty("id").GetString()!;
        sim.State.Vcf.ExpireAccessTokens();

        using var stale = await http.GetAsync("v1/tasks/t-2");
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal("{\"errorCode\":\"Unauthorized\",\"message\":\"Authorization Header is missing or not in correct format\"}", await stale.Content.ReadAsStringAsync());

        using var noType = new HttpRequestMessage(HttpMethod.Patch, "v1/tokens/access-token/refresh") { Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"\"{refreshId}\"")) };
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(noType)).StatusCode);

        using var refresh = await http.PatchAsync("v1/tokens/access-token/refresh", SimTestClient.Json($"\"{refreshId}\""));
        var fresh = (await SimTestClient.ReadJsonAsync(refresh)).GetString()!;
        using var get = new HttpRequestMessage(HttpMethod.Get, "v1/tasks/t-2");
        get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fresh);
        using var task = await http.SendAsync(get);
        Assert.Equal(HttpStatusCode.OK, task.StatusCode);
        Assert.True((await SimTestClient.ReadJsonAsync(task)).GetProperty("isCancellable").GetBoolean());
        Assert.Equal(1, sim.State.Vcf.TokensRefreshed);
    }

    [Fact]
    public async Task BigChange_cancel_is_204_then_422_with_jobId_error()
    {
        await using var sim = await SimulatorServer.StartAsync();
        sim.State.BigChange.AddJob(77);
        using var http = SimTestClient.For(sim);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SimTestClient.BigChangeTokenAsync(http, sim));
        http.DefaultRequestHeaders.Add("Customer-Id", "4242");

        using var first = await http.PutAsync("v1/jobs/77/cancel", SimTestClient.Json("\"Customer rescheduled\""));
        using var second = await http.PutAsync("v1/jobs/77/cancel", SimTestClient.Json("\"again\""));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal("cancelled", sim.State.BigChange.GetStatus(77));
        Assert.Equal(422, (int)second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType!.MediaType);
        Assert.True((await SimTestClient.ReadJsonAsync(second)).GetProperty("errors").TryGetProperty("jobId", out _));
    }

    [Fact]
    public async Task BigChange_empty_reason_is_422_reason_and_missing_customer_is_400_and_no_token_is_401_empty()
    {
        await using var sim = await SimulatorServer.StartAsync();
        sim.State.BigChange.AddJob(78);
        using var http = SimTestClient.For(sim);
        var token = await SimTestClient.BigChangeTokenAsync(http, sim);

        using var noToken = await http.PutAsync("v1/jobs/78/cancel", SimTestClient.Json("\"x\""));
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Empty(await noToken.Content.ReadAsByteArrayAsync());

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var noCustomer = await http.PutAsync("v1/jobs/78/cancel", SimTestClient.Json("\"x\""));
        Assert.Equal(HttpStatusCode.BadRequest, noCustomer.StatusCode);

        http.DefaultRequestHeaders.Add("Customer-Id", "4242");
        using var empty = await http.PutAsync("v1/jobs/78/cancel", SimTestClient.Json("\"\""));
        Assert.Equal(422, (int)empty.StatusCode);
        var body = await SimTestClient.ReadJsonAsync(empty);
        Assert.Equal(422, body.GetProperty("status").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Array, body.GetProperty("errors").GetProperty("reason").ValueKind);
        Assert.Equal("scheduled", sim.State.BigChange.GetStatus(78));
    }
}
