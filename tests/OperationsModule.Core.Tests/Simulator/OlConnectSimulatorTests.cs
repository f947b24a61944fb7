using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.Core.Tests.Simulator;

public sealed class OlConnectSimulatorTests
{
    private const string Service = "rest/serverengine/workflow/outputcreation/";

    [Fact]
    public async Task Create_returns_202_with_operationId_and_one_relative_link_header()
    {
        await using var sim = await SimulatorServer.StartAsync();
        using var http = SimTestClient.For(sim);
        using var request = new HttpRequestMessage(HttpMethod.Post, Service + "1001/jobs") { Content = SimTestClient.Json("{\"identifiers\":[1,2],\"createOnly\":true}") };
        request.Headers.Authorization = SimTestClient.Basic(sim.Options.OlConnectUser, sim.Options.OlConnectPassword);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var opId = response.Headers.GetValues("operationId").Single();
        var link = Assert.Single(response.Headers.GetValues("Link"));
        Assert.Contains($"</rest/serverengine/workflow/outputcreation/cancel/{opId}>; rel=\"cancel\"", link);
        Assert.Contains("rel=\"progress\"", link);
        Assert.Equal(new long[] { 1, 2 }, sim.State.OlConnect.Operations.Single().JobIds);
    }

    [Fact]
    public async Task Link_headers_can_be_absolute_and_separate()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { OlConnectAbsoluteLinks = true, OlConnectSeparateLinkHeaders = true, OlConnectSecurityEnabled = false });
        using var http = SimTestClient.For(sim);

        using var response = await http.PostAsync(Service + "Invoices-Preset/jobs", SimTestClient.Json("{\"identifiers\":[3],\"createOnly\":false}"));

        var links = response.Headers.GetValues("Link").ToArray();
        Assert.Equal(3, links.Length);
        Assert.All(links, l => Assert.StartsWith("<" + sim.BaseUri.ToString().TrimEnd('/'), l));
    }

    [Fact]
    public async Task Progress_counts_up_then_done_then_404_while_result_stays_available()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { ProgressStepPercent = 50 });
        var op = sim.State.OlConnect.AddOperation("op-7");
        using var http = SimTestClient.For(sim);
        http.DefaultRequestHeaders.Authorization = SimTestClient.Basic(sim.Options.OlConnectUser, sim.Options.OlConnectPassword);

        Assert.Equal("50", await http.GetStringAsync(Service + "getProgress/op-7"));
        Assert.Equal("done", await http.GetStringAsync(Service + "getProgress/op-7"));
        using var dropped = await http.GetAsync(Service + "getProgress/op-7");
        Assert.Equal(HttpStatusCode.NotFound, dropped.StatusCode);

        using var result = await http.PostAsync(Service + "getResultTxt/op-7", null);
        Assert.Equal("/var/olconnect/output/op-7/out.pdf", await result.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", result.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Bad_credentials_give_401_with_WWW_Authenticate_and_JSON_error()
    {
        await using var sim = await SimulatorServer.StartAsync();
        using var http = SimTestClient.For(sim);
        using var request = new HttpRequestMessage(HttpMethod.Post, Service + "cancel/1");
        request.Headers.Authorization = SimTestClient.Basic("ol-admin", "wrong");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("BASIC", response.Headers.WwwAuthenticate.Single().Scheme);
        var error = (await SimTestClient.ReadJsonAsync(response)).GetProperty("error");
        Assert.Equal(401, error.GetProperty("status").GetInt32());
        Assert.Equal("", error.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Login_token_works_until_expired_and_viewer_is_forbidden()
    {
        await using var sim = await SimulatorServer.StartAsync();
        using var http = SimTestClient.For(sim);
        using var login = new HttpRequestMessage(HttpMethod.Post, "rest/serverengine/authentication/login");
        login.Headers.Authorization = SimTestClient.Basic(sim.Options.OlConnectViewerUser, sim.Options.OlConnectViewerPassword);
        using var loginResponse = await http.SendAsync(login);
        var token = await loginResponse.Content.ReadAsStringAsync();
        Assert.Equal("3600", loginResponse.Headers.GetValues("Token-Expires-In").Single());

        using var cancel = new HttpRequestMessage(HttpMethod.Post, Service + "cancel/1");
        cancel.Headers.Add("auth_token", token);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(cancel)).StatusCode);

        sim.State.OlConnect.ExpireTokens();
        using var again = new HttpRequestMessage(HttpMethod.Post, Service + "cancel/1");
        again.Headers.Add("auth_token", token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(again)).StatusCode);
    }

    [Theory]
    [InlineData("{\"identifiers\":[\"1\"],\"createOnly\":true}")]
    [InlineData("{\"identifiers\":[1],\"createOnly\":true,\"createPreview\":false}")]
    [InlineData("not json")]
    public async Task Invalid_identifier_list_is_500_not_400(string body)
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { OlConnectSecurityEnabled = false });
        using var http = SimTestClient.For(sim);

        using var response = await http.PostAsync(Service + "1001/jobs", SimTestClient.Json(body));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(500, (await SimTestClient.ReadJsonAsync(response)).GetProperty("error").GetProperty("status").GetInt32());
    }
}
