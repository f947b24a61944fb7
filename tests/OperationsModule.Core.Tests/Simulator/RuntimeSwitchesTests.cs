using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.Core.Tests.Simulator;

/// <summary>/_sim/switches: the answer styles that differ between vendor releases, changed while the simulator runs.</summary>
public sealed class RuntimeSwitchesTests
{
    private const string Workflows = "api/v3/oneprovider/automation/execution/workflows/";

    [Fact]
    public async Task The_defaults_are_the_nested_Onedata_shape_and_the_spec_201_for_VCF_tokens()
    {
        await using var sim = await SimulatorServer.StartAsync();
        using var http = SimTestClient.For(sim);

        var switches = await SimTestClient.ReadJsonAsync(await http.GetAsync("_sim/switches"));
        using var tokens = await http.PostAsync("v1/tokens", SimTestClient.Json("{\"apiKey\":\"vcf-api-key\"}"));

        Assert.Equal("nested", switches.GetProperty("onedataErrorShape").GetString());
        Assert.Equal(201, switches.GetProperty("vcfTokenStatus").GetInt32());
        Assert.Equal(HttpStatusCode.Created, tokens.StatusCode);
    }

    [Fact]
    public async Task The_flat_switch_makes_Onedata_answer_in_the_spec_shape_until_reset()
    {
        await using var sim = await SimulatorServer.StartAsync();
        using var http = SimTestClient.For(sim);
        http.DefaultRequestHeaders.Add("X-Auth-Token", "nonsense");

        await SimSwitches.SetAsync(sim, "{\"onedataErrorShape\":\"flat\"}");
        var flat = await SimTestClient.ReadJsonAsync(await http.PostAsync(Workflows + "w/cancel", null));
        using var reset = await http.PostAsync("_sim/reset", null);
        var nested = await SimTestClient.ReadJsonAsync(await http.PostAsync(Workflows + "w/cancel", null));

        Assert.Equal("invalid_token", flat.GetProperty("error").GetString());
        Assert.Equal("Provided token could not be understood by the server.", flat.GetProperty("error_description").GetString());
        Assert.Equal("badToken", nested.GetProperty("error").GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_token_status_switch_makes_VCF_answer_200()
    {
        await using var sim = await SimulatorServer.StartAsync();
        using var http = SimTestClient.For(sim);

        await SimSwitches.SetAsync(sim, "{\"vcfTokenStatus\":200}");
        using var tokens = await http.PostAsync("v1/tokens", SimTestClient.Json("{\"apiKey\":\"vcf-api-key\"}"));

        Assert.Equal(HttpStatusCode.OK, tokens.StatusCode);
        Assert.Equal(OnedataErrorShape.Nested, sim.Options.OnedataErrorShape); // a switch not named is left alone
    }

    [Theory]
    [InlineData("{\"onedataErrorShape\":\"sideways\",\"vcfTokenStatus\":200}")]
    [InlineData("{\"vcfTokenStatus\":204}")]
    [InlineData("{\"vcfTokenStatus\":\"x\"}")]
    [InlineData("[1]")]
    [InlineData("{")]
    public async Task A_bad_request_is_400_and_changes_nothing(string body)
    {
        await using var sim = await SimulatorServer.StartAsync();

        using var response = await SimSwitches.PostAsync(sim, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((OnedataErrorShape.Nested, 201), (sim.Options.OnedataErrorShape, sim.Options.VcfTokenStatusCode));
    }

    [Fact]
    public async Task Switch_calls_are_not_journaled()
    {
        await using var sim = await SimulatorServer.StartAsync();

        await SimSwitches.SetAsync(sim, "{\"onedataErrorShape\":\"flat\"}");

        Assert.Empty(sim.Journal.Snapshot());
    }

    [Fact]
    public async Task A_revoked_VCF_refresh_token_no_longer_refreshes()
    {
        await using var sim = await SimulatorServer.StartAsync();
        using var http = SimTestClient.For(sim);
        using var tokens = await http.PostAsync("v1/tokens", SimTestClient.Json("{\"apiKey\":\"vcf-api-key\"}"));
        var refreshId = (await SimTestClient.ReadJsonAsync(tokens)).GetProperty("refreshToken").GetProperty("id").GetString()!;

        using var revoke = await http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "v1/tokens/refresh-token") { Content = SimTestClient.Json($"\"{refreshId}\"") });
        using var again = await http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "v1/tokens/refresh-token") { Content = SimTestClient.Json($"\"{refreshId}\"") });
        using var refresh = await http.PatchAsync("v1/tokens/access-token/refresh", SimTestClient.Json($"\"{refreshId}\""));

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, refresh.StatusCode);
        Assert.Equal("REFRESH_TOKEN_NOT_FOUND", (await SimTestClient.ReadJsonAsync(refresh)).GetProperty("errorCode").GetString());
        Assert.DoesNotContain(refreshId, await refresh.Content.ReadAsStringAsync());
        Assert.Equal(1, sim.State.Vcf.TokensRevoked);
        Assert.False(sim.State.Vcf.IsRefreshTokenValid(refreshId));
        Assert.Contains(refreshId, sim.State.IssuedSecrets()); // still searched for by leak tests
    }

    [Fact]
    public async Task The_revocation_wants_the_id_as_a_JSON_string_with_application_json()
    {
        await using var sim = await SimulatorServer.StartAsync();
        using var http = SimTestClient.For(sim);

        using var noType = await http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "v1/tokens/refresh-token") { Content = new StringContent("\"x\"") });
        using var notString = await http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "v1/tokens/refresh-token") { Content = SimTestClient.Json("{\"id\":\"x\"}") });

        Assert.Equal(HttpStatusCode.BadRequest, noType.StatusCode);
        Assert.Equal("INVALID_CONTENT_TYPE", (await SimTestClient.ReadJsonAsync(noType)).GetProperty("errorCode").GetString());
        Assert.Equal("INVALID_REQUEST_BODY", (await SimTestClient.ReadJsonAsync(notString)).GetProperty("errorCode").GetString());
    }
}
