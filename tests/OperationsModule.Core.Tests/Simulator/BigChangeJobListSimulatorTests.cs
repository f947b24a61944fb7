using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.Core.Tests.Simulator;

/// <summary>The simulator's GET /v1/jobs: the vendor's range rule, paging envelope, filters and the seeding endpoint.</summary>
public sealed class BigChangeJobListSimulatorTests
{
    private static readonly DateTimeOffset Day = new(2026, 12, 8, 0, 0, 0, TimeSpan.Zero);

    private static async Task<HttpClient> ClientAsync(SimulatorServer sim, long customer = 4242)
    {
        var http = SimTestClient.For(sim);
        var token = await SimTestClient.BigChangeTokenAsync(http, sim);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        http.DefaultRequestHeaders.Add("Customer-Id", customer.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return http;
    }

    private const string Range = "StartAtFrom=2026-12-08T00:00:00Z&StartAtTo=2026-12-09T00:00:00Z";

    [Theory]
    [InlineData("")]
    [InlineData("?StartAtFrom=2026-12-08T00:00:00Z")]
    [InlineData("?plannedAtFrom=2026-12-08T00:00:00Z&plannedAtTo=2026-12-09T00:00:00Z")]
    [InlineData("?status=scheduled")]
    public async Task A_list_without_an_id_or_a_complete_range_is_refused_with_422(string query)
    {
        await using var sim = await SimulatorServer.StartAsync();
        using var http = await ClientAsync(sim);

        using var response = await http.GetAsync("v1/jobs" + query);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await SimTestClient.ReadJsonAsync(response);
        Assert.Contains("StartAtFrom", body.GetProperty("errors").GetProperty("filter")[0].GetString());
    }

    [Fact]
    public async Task Pages_are_numbered_from_1_and_the_last_one_is_short()
    {
        await using var sim = await SimulatorServer.StartAsync();
        for (var id = 1; id <= 5; id++) sim.State.BigChange.SeedJob(id, startAt: Day.AddHours(9 + id));
        sim.State.BigChange.SeedJob(6, startAt: Day.AddDays(3)); // outside the range
        using var http = await ClientAsync(sim);

        var pages = new[] { 1, 2, 3 }.Select(async n =>
        {
            using var response = await http.GetAsync($"v1/jobs?{Range}&pageSize=2&pageNumber={n}");
            response.EnsureSuccessStatusCode();
            return await SimTestClient.ReadJsonAsync(response);
        }).Select(t => t.Result).ToList();

        Assert.Equal(new[] { 2, 2, 1 }, pages.Select(p => p.GetProperty("pageItemCount").GetInt32()));
        Assert.Equal(new[] { 1, 2, 3 }, pages.Select(p => p.GetProperty("pageNumber").GetInt32()));
        Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, pages.SelectMany(p => p.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("id").GetInt64())));
        Assert.False(pages[0].TryGetProperty("totalCount", out _));
    }

    [Fact]
    public async Task Status_filters_take_repeated_keys_in_any_case_and_other_customers_jobs_never_show()
    {
        await using var sim = await SimulatorServer.StartAsync();
        sim.State.BigChange.SeedJob(1, "scheduled", startAt: Day.AddHours(9));
        sim.State.BigChange.SeedJob(2, "started", startAt: Day.AddHours(9));
        sim.State.BigChange.SeedJob(3, "new", startAt: Day.AddHours(9));
        sim.State.BigChange.SeedJob(4, "scheduled", customerId: 9999, startAt: Day.AddHours(9));
        using var http = await ClientAsync(sim);

        using var response = await http.GetAsync($"v1/jobs?{Range}&status=Scheduled&status=new");

        var items = (await SimTestClient.ReadJsonAsync(response)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(new long[] { 1, 3 }, items.Select(j => j.GetProperty("id").GetInt64()));
        Assert.Equal("2026-12-08T09:00:00.000Z", items[0].GetProperty("startAt").GetString());
    }

    [Theory]
    [InlineData("&pageSize=1001", "pageSize")]
    [InlineData("&pageNumber=0", "pageNumber")]
    [InlineData("&status=finished", "status")]
    [InlineData("&StartAtFrom=2026-12-10T00:00:00Z&StartAtTo=2026-12-09T00:00:00Z", "StartAtFrom")]
    public async Task Bad_query_values_are_a_400_validation_problem_naming_the_field(string extra, string field)
    {
        await using var sim = await SimulatorServer.StartAsync();
        using var http = await ClientAsync(sim);
        var query = extra.Contains("StartAtFrom", StringComparison.Ordinal) ? extra.TrimStart('&') : Range + extra;

        using var response = await http.GetAsync("v1/jobs?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await SimTestClient.ReadJsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task The_seed_endpoint_sets_the_details_and_a_cancel_moves_the_status_and_its_time()
    {
        await using var sim = await SimulatorServer.StartAsync();
        using var seed = SimTestClient.For(sim);
        var body = "{\"jobs\":[{\"id\":77,\"status\":\"scheduled\",\"startAt\":\"2026-12-08T10:30:00Z\",\"reference\":\"R-77\"}],\"from\":100,\"count\":3,\"status\":\"new\"}";
        (await seed.PostAsync("_sim/seed/bigchange/jobs", SimTestClient.Json(body))).EnsureSuccessStatusCode();
        var refused = await seed.PostAsync("_sim/seed/bigchange/jobs", SimTestClient.Json("{\"jobs\":[{\"id\":1,\"status\":\"finished\"}]}"));
        using var http = await ClientAsync(sim);

        using var one = await http.GetAsync("v1/jobs/77");
        var job = await SimTestClient.ReadJsonAsync(one);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(("R-77", "scheduled", "2026-12-08T10:30:00.000Z"), (job.GetProperty("reference").GetString(), job.GetProperty("status").GetString(), job.GetProperty("startAt").GetString()));
        Assert.Equal("new", sim.State.BigChange.GetJob(102)!.Status);
        var before = sim.State.BigChange.GetJob(77)!.StatusModifiedAt;
        using var cancel = new HttpRequestMessage(HttpMethod.Put, "v1/jobs/77/cancel") { Content = SimTestClient.Json("\"rescheduled\"") };
        Assert.Equal(HttpStatusCode.NoContent, (await http.SendAsync(cancel)).StatusCode);
        var after = sim.State.BigChange.GetJob(77)!;
        Assert.Equal("cancelled", after.Status);
        Assert.True(after.StatusModifiedAt > before);
    }

    [Fact]
    public async Task An_unscheduled_job_has_a_null_start_and_no_range_finds_it()
    {
        await using var sim = await SimulatorServer.StartAsync();
        sim.State.BigChange.AddJob(5, "unscheduled");
        using var http = await ClientAsync(sim);

        var job = await SimTestClient.ReadJsonAsync(await http.GetAsync("v1/jobs/5"));
        var list = await SimTestClient.ReadJsonAsync(await http.GetAsync("v1/jobs?StartAtFrom=2000-01-01T00:00:00Z&StartAtTo=2100-01-01T00:00:00Z"));

        Assert.Equal(JsonValueKind.Null, job.GetProperty("startAt").ValueKind);
        Assert.Equal(0, list.GetProperty("pageItemCount").GetInt32());
    }
}
