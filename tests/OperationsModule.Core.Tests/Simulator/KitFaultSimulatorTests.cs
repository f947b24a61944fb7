using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.Core.Tests.Simulator;

/// <summary>
/// The faults a runbook author reaches from the test kit (truncated body, refused credential, an outage that closes
/// connections) and the request log's account of each exchange: status, fault, duration, abort.
/// </summary>
public sealed class KitFaultSimulatorTests
{
    [Fact]
    public async Task The_log_records_each_answer_s_status_and_the_fault_that_made_it()
    {
        await using var sim = await SimulatorServer.StartAsync();
        sim.Faults.Add(FaultAction.Status(503, retryAfter: "1"), method: "DELETE", times: 1);
        using var http = SimTestClient.For(sim);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SimTestClient.VcfTokenAsync(http, sim));
        sim.State.Vcf.AddTasks(new[] { "t-1" });

        using (await http.DeleteAsync("v1/tasks/t-1")) { }
        using (await http.DeleteAsync("v1/tasks/t-1")) { }
        using (await http.DeleteAsync("v1/tasks/no-such-task")) { }

        var log = sim.Journal.Snapshot();
        Assert.Equal(new int?[] { 201, 503, 200, 404 }, log.Select(r => r.StatusCode).ToArray());
        Assert.Equal(new[] { null, "status", null, null }, log.Select(r => r.Outcome!.Fault).ToArray());
        Assert.All(log, r => Assert.False(r.Outcome!.Aborted));
        Assert.All(log, r => Assert.True(r.Outcome!.Duration >= TimeSpan.Zero));
    }

    [Fact]
    public async Task A_reset_connection_is_logged_as_aborted_without_a_status()
    {
        await using var sim = await SimulatorServer.StartAsync();
        sim.Faults.Add(FaultAction.ConnectionReset(), times: 1);
        using var http = SimTestClient.For(sim);

        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync("v1/tokens", SimTestClient.Json("{}")));

        var outcome = Assert.Single(sim.Journal.Snapshot()).Outcome!;
        Assert.Null(outcome.StatusCode);
        Assert.True(outcome.Aborted);
        Assert.Equal("connectionReset", outcome.Fault);
    }

    [Fact]
    public async Task A_limiter_that_admits_a_request_is_not_logged_as_its_fault()
    {
        await using var sim = await SimulatorServer.StartAsync();
        sim.Faults.Add(FaultAction.FixedWindow(1, TimeSpan.FromHours(1)));
        using var http = SimTestClient.For(sim);

        using (await http.PostAsync("v1/tokens", SimTestClient.Json("{}"))) { }
        using (await http.PostAsync("v1/tokens", SimTestClient.Json("{}"))) { }

        var log = sim.Journal.Snapshot();
        Assert.Equal(new int?[] { 401, 429 }, log.Select(r => r.StatusCode).ToArray());
        Assert.Equal(new[] { null, "fixedWindow" }, log.Select(r => r.Outcome!.Fault).ToArray());
    }

    [Fact]
    public async Task Truncated_sends_the_real_answer_s_headers_and_half_its_body_then_closes()
    {
        await using var sim = await SimulatorServer.StartAsync();
        sim.State.Vcf.AddTasks(new[] { "t-1" });
        sim.Faults.Add(FaultAction.Truncated(), method: "GET", pathPattern: "^/v1/tasks/", times: 1);
        using var http = SimTestClient.For(sim);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SimTestClient.VcfTokenAsync(http, sim));

        using (var response = await http.GetAsync("v1/tasks/t-1", HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var declared = response.Content.Headers.ContentLength;
            Assert.True(declared > 10, $"Content-Length {declared}");
            var error = await Assert.ThrowsAnyAsync<Exception>(() => response.Content.ReadAsStringAsync());
            Assert.Contains("ended prematurely", error.ToString());
        }

        var logged = sim.Journal.Snapshot().Last();
        Assert.Equal(200, logged.StatusCode);
        Assert.True(logged.Outcome!.Aborted);
        Assert.Equal("truncated", logged.Outcome.Fault);

        // Once: the next answer is whole.
        using var again = SimTestClient.For(sim);
        again.DefaultRequestHeaders.Authorization = http.DefaultRequestHeaders.Authorization;
        using var whole = await again.GetAsync("v1/tasks/t-1");
        Assert.Equal("t-1", (await SimTestClient.ReadJsonAsync(whole)).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Truncated_keeps_the_endpoint_s_effect_a_cancel_still_happens()
    {
        await using var sim = await SimulatorServer.StartAsync();
        sim.State.Vcf.AddTasks(new[] { "t-1" });
        using var http = SimTestClient.For(sim);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SimTestClient.VcfTokenAsync(http, sim));
        sim.Faults.Add(FaultAction.Truncated(), method: "DELETE");

        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            using var response = await http.DeleteAsync("v1/tasks/t-1");
            await response.Content.ReadAsStringAsync();
        });

        Assert.NotEqual("IN_PROGRESS", sim.State.Vcf.GetStatus("t-1"));
    }

    [Fact]
    public async Task Unauthorized_refuses_each_system_s_credential_in_its_vendor_s_way()
    {
        await using var sim = await SimulatorServer.StartAsync();
        sim.State.Onedata.AddExecution("e-1");
        sim.Faults.Add(FaultAction.Unauthorized());
        using var http = SimTestClient.For(sim);

        // VCF login: the right password, refused.
        using var vcf = await http.PostAsync("v1/tokens", SimTestClient.Json($"{{\"username\":\"{sim.Options.VcfUser}\",\"password\":\"{sim.Options.VcfPassword}\"}}"));
        Assert.Equal(HttpStatusCode.Unauthorized, vcf.StatusCode);

        // OL Connect Basic login.
        using var olLogin = new HttpRequestMessage(HttpMethod.Post, "rest/serverengine/authentication/login");
        olLogin.Headers.Authorization = SimTestClient.Basic(sim.Options.OlConnectUser, sim.Options.OlConnectPassword);
        using var ol = await http.SendAsync(olLogin);
        Assert.Equal(HttpStatusCode.Unauthorized, ol.StatusCode);

        // Onedata: a good token answered as a bad one (400 badToken, as the vendor does).
        using var cancel = new HttpRequestMessage(HttpMethod.Post, "api/v3/oneprovider/automation/execution/workflows/e-1/cancel");
        cancel.Headers.Add("X-Auth-Token", sim.Options.OnedataToken);
        using var onedata = await http.SendAsync(cancel);
        Assert.Equal(HttpStatusCode.BadRequest, onedata.StatusCode);
        Assert.Contains("badToken", await onedata.Content.ReadAsStringAsync());
        Assert.Equal("active", sim.State.Onedata.GetStatus("e-1"));

        // BigChange client credentials.
        using var form = new FormUrlEncodedContent(new[]
        {
            new System.Collections.Generic.KeyValuePair<string, string>("grant_type", "client_credentials"),
            new("client_id", sim.Options.BigChangeClientId),
            new("client_secret", sim.Options.BigChangeClientSecret),
        });
        using var bigChange = await http.PostAsync("auth/tokens", form);
        Assert.False(bigChange.IsSuccessStatusCode);

        // The log keeps what the client really sent, and says which fault refused it.
        var logged = sim.Journal.Snapshot();
        Assert.Equal(sim.Options.OnedataToken, logged[2].Headers["X-Auth-Token"]);
        Assert.Contains(sim.Options.VcfPassword, logged[0].Body);
        Assert.All(logged, r => Assert.Equal("unauthorized", r.Outcome!.Fault));
    }

    [Fact]
    public async Task Unauthorized_for_a_number_of_requests_then_the_credential_works_again()
    {
        await using var sim = await SimulatorServer.StartAsync();
        sim.Faults.Add(FaultAction.Unauthorized(), pathPattern: "^/v1/", times: 1);
        using var http = SimTestClient.For(sim);
        var body = $"{{\"username\":\"{sim.Options.VcfUser}\",\"password\":\"{sim.Options.VcfPassword}\"}}";

        using var refused = await http.PostAsync("v1/tokens", SimTestClient.Json(body));
        using var admitted = await http.PostAsync("v1/tokens", SimTestClient.Json(body));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.True(admitted.IsSuccessStatusCode);
    }

    [Fact]
    public async Task An_outage_that_closes_connections_answers_nothing_until_it_ends()
    {
        var clock = new VirtualClock();
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { TimeProvider = new VirtualTimeProvider(clock) });
        sim.Faults.Add(FaultAction.Outage(TimeSpan.FromSeconds(30), 503, null, OperationsModule.Simulator.Faults.OutageStart.FirstRequest, closeConnection: true));
        using var http = SimTestClient.For(sim);

        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync("v1/tokens", SimTestClient.Json("{}")));
        clock.Advance(TimeSpan.FromSeconds(31));
        using var after = await http.PostAsync("v1/tokens", SimTestClient.Json("{}"));

        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        var log = sim.Journal.Snapshot();
        Assert.True(log[0].Outcome!.Aborted);
        Assert.Equal("outage", log[0].Outcome!.Fault);
        Assert.Null(log[1].Outcome!.Fault);
    }

    [Fact]
    public async Task The_control_surface_takes_the_new_kinds_and_serves_the_outcome()
    {
        await using var sim = await SimulatorServer.StartAsync();
        using var http = SimTestClient.For(sim);

        foreach (var rule in new[]
        {
            "{\"times\":1,\"action\":{\"kind\":\"outage\",\"durationMs\":60000,\"status\":503,\"closeConnection\":true}}",
            "{\"path\":\"^/nothing\",\"action\":{\"kind\":\"truncated\"}}",
            "{\"path\":\"^/nothing\",\"action\":{\"kind\":\"unauthorized\"}}",
        })
        {
            using var added = await http.PostAsync("_sim/faults", SimTestClient.Json(rule));
            Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
        }

        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync("v1/tokens", SimTestClient.Json("{}")));
        using (await http.PostAsync("v1/tokens", SimTestClient.Json("{}"))) { }

        using var log = await http.GetAsync("_sim/requests");
        var entries = (await SimTestClient.ReadJsonAsync(log)).EnumerateArray().ToArray();
        Assert.Equal(JsonValueKind.Null, entries[0].GetProperty("status").ValueKind);
        Assert.True(entries[0].GetProperty("aborted").GetBoolean());
        Assert.Equal("outage", entries[0].GetProperty("fault").GetString());
        Assert.Equal(401, entries[1].GetProperty("status").GetInt32());
        Assert.True(entries[1].GetProperty("durationMs").GetDouble() >= 0);
    }
}
