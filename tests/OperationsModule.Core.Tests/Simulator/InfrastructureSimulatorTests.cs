using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.Core.Tests.Simulator;

public sealed class InfrastructureSimulatorTests
{
    [Fact]
    public async Task Journal_records_the_raw_escaped_path()
    {
        await using var sim = await SimulatorServer.StartAsync();
        sim.State.Onedata.AddExecution("a b/c");
        using var http = SimTestClient.For(sim);
        http.DefaultRequestHeaders.Add("X-Auth-Token", sim.Options.OnedataToken);

        using var response = await http.PostAsync("api/v3/oneprovider/automation/execution/workflows/" + Uri.EscapeDataString("a b/c") + "/cancel?x=1", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var recorded = Assert.Single(sim.Journal.Snapshot());
        Assert.Equal("/api/v3/oneprovider/automation/execution/workflows/a%20b%2Fc/cancel", recorded.Path);
        Assert.Equal("?x=1", recorded.Query);
        Assert.Equal(sim.Options.OnedataToken, recorded.Headers["x-auth-token"]);
    }

    [Fact]
    public async Task PerPathTimes_fails_the_first_two_attempts_at_each_id_then_succeeds()
    {
        await using var sim = await SimulatorServer.StartAsync();
        sim.State.Vcf.AddTasks(new[] { "a", "b" });
        sim.Faults.Add(new FaultRule(FaultAction.Status(503, retryAfter: "1")) { Method = "DELETE", PathPattern = "^/v1/tasks/", PerPathTimes = 2 });
        using var http = SimTestClient.For(sim);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SimTestClient.VcfTokenAsync(http, sim));

        foreach (var id in new[] { "a", "b" })
        {
            for (var attempt = 1; attempt <= 3; attempt++)
            {
                using var response = await http.DeleteAsync("v1/tasks/" + id);
                if (attempt < 3)
                {
                    Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                    Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter!.Delta);
                }
                else
                {
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                }
            }
        }

        Assert.Equal(6, sim.Journal.For("/v1/tasks/").Count());
    }

    [Fact]
    public async Task ConnectionReset_fails_the_request_without_a_response()
    {
        await using var sim = await SimulatorServer.StartAsync();
        sim.Faults.Add(FaultAction.ConnectionReset(), times: 1);
        using var http = SimTestClient.For(sim);

        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync("v1/tokens", SimTestClient.Json("{}")));
        using var next = await http.PostAsync("v1/tokens", SimTestClient.Json("{}"));
        Assert.Equal(HttpStatusCode.Unauthorized, next.StatusCode);
    }

    [Fact]
    public async Task NeverAnswer_is_released_when_the_server_is_disposed()
    {
        var sim = await SimulatorServer.StartAsync();
        sim.Faults.Add(FaultAction.NeverAnswer());
        using var http = SimTestClient.For(sim);
        var pending = http.GetAsync("v1/tasks/x");
        while (sim.Journal.Count == 0)
        {
            await Task.Delay(5); // poll until the request has arrived (no timing assumption)
        }

        await sim.DisposeAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => pending);
    }

    [Fact]
    public async Task Control_surface_is_unjournaled_and_redacts_secrets()
    {
        await using var sim = await SimulatorServer.StartAsync();
        using var http = SimTestClient.For(sim);
        await SimTestClient.VcfTokenAsync(http, sim);
        using var seed = await http.PostAsync("_sim/seed/vcf", SimTestClient.Json("{\"prefix\":\"task-\",\"count\":3}"));
        Assert.Equal(HttpStatusCode.NoContent, seed.StatusCode);
        Assert.Equal("IN_PROGRESS", sim.State.Vcf.GetStatus("task-3"));

        var journal = await http.GetStringAsync("_sim/requests");

        Assert.Single(sim.Journal.Snapshot());
        Assert.DoesNotContain(sim.Options.VcfPassword, journal);
        Assert.Contains("\"body\":\"***\"", journal);
    }

    [Fact]
    public async Task Https_starts_with_a_self_signed_loopback_certificate()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Https = true });
        Assert.Equal("https", sim.BaseUri.Scheme);
        Assert.NotNull(sim.Certificate);
        var expected = sim.Certificate!.Thumbprint;
        string? seen = null;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, cert, _, _) => { seen = cert?.Thumbprint; return true; },
        };
        using var http = new HttpClient(handler) { BaseAddress = sim.BaseUri };

        using var response = await http.DeleteAsync("v1/tasks/x");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(expected, seen);
        Assert.Contains("127.0.0.1", sim.Certificate.Subject);
    }
}
