using System;
using System.Net;
using System.Threading.Tasks;
using OperationsModule.Simulator;
using OperationsModule.Simulator.Faults;
using Xunit;

namespace OperationsModule.Core.Tests.Simulator;

/// <summary>
/// The outage, the fixed window and the token bucket on a virtual clock: the simulator
/// follows <see cref="SimulatorOptions.TimeProvider"/>, so nothing here depends on how fast the machine is.
/// </summary>
public sealed class LimiterScenarioTests
{
    [Fact]
    public async Task An_outage_refuses_everything_for_its_duration_from_the_first_request_then_nothing()
    {
        await using var run = await ScenarioClient.StartAsync();
        var ids = run.Seed(20);
        run.Advance(60); // time before the first request does not count
        var outage = run.Sim.Faults.Add(FaultAction.Outage(TimeSpan.FromSeconds(3)), pathPattern: ScenarioClient.CancelPattern).Action as OutageFault;

        using var first = await run.CancelAsync(ids[0]);
        run.Advance(2.999);
        var late = await run.StatusAsync(ids[0]);
        run.Advance(0.001);
        var after = new int[ids.Count - 1];
        for (var i = 1; i < ids.Count; i++)
        {
            after[i - 1] = await run.StatusAsync(ids[i]); // no limit at all once it is over
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), first.Headers.RetryAfter!.Delta);
        Assert.Equal(429, late);
        Assert.All(after, s => Assert.Equal(204, s));
        Assert.Equal((2L, 19L), (outage!.Refused, outage.Admitted));
        Assert.Equal(run.Clock.UtcNow, outage.EndsAt);
    }

    [Fact]
    public async Task An_outage_switched_on_over_the_control_surface_can_count_from_when_it_was_added()
    {
        await using var run = await ScenarioClient.StartAsync();
        var ids = run.Seed(3);

        using var on = await run.Http.PostAsync("_sim/faults", SimTestClient.Json("{\"path\":\"/cancel$\",\"action\":{\"kind\":\"outage\",\"durationMs\":3000,\"status\":503,\"retryAfter\":\"2\",\"start\":\"whenAdded\"}}"));
        run.Advance(2);
        using var during = await run.CancelAsync(ids[0]);
        run.Advance(1);
        var after = await run.StatusAsync(ids[1]);

        Assert.Equal(HttpStatusCode.NoContent, on.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), during.Headers.RetryAfter!.Delta);
        Assert.Equal(204, after);
    }

    [Fact]
    public async Task A_fixed_window_admits_N_per_window_and_asks_the_rest_to_retry_at_the_window_end()
    {
        await using var run = await ScenarioClient.StartAsync();
        var ids = run.Seed(10);
        var window = run.Sim.Faults.Add(FaultAction.FixedWindow(3, TimeSpan.FromSeconds(2)), pathPattern: ScenarioClient.CancelPattern).Action as FixedWindowFault;

        var firstThree = new[] { await run.StatusAsync(ids[0]), await run.StatusAsync(ids[1]), await run.StatusAsync(ids[2]) };
        using var fourth = await run.CancelAsync(ids[3]);
        run.Advance(1.5);
        using var stillRefused = await run.CancelAsync(ids[3]);
        run.Advance(0.5);
        var nextWindow = new[] { await run.StatusAsync(ids[3]), await run.StatusAsync(ids[4]), await run.StatusAsync(ids[5]), await run.StatusAsync(ids[6]) };
        run.Advance(7); // idle windows pass unused; the one that holds now starts its count afresh
        var later = new[] { await run.StatusAsync(ids[6]), await run.StatusAsync(ids[7]) };

        Assert.Equal(new[] { 204, 204, 204 }, firstThree);
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), fourth.Headers.RetryAfter!.Delta);
        Assert.Equal(TimeSpan.FromSeconds(1), stillRefused.Headers.RetryAfter!.Delta); // 0.5 s left, rounded up
        Assert.Equal(new[] { 204, 204, 204, 429 }, nextWindow);
        Assert.Equal(new[] { 204, 204 }, later);
        Assert.Equal((8L, 3L), (window!.Admitted, window.Refused));
    }

    [Fact]
    public async Task The_token_bucket_refills_on_the_simulator_clock()
    {
        await using var run = await ScenarioClient.StartAsync();
        var ids = run.Seed(6);
        var bucket = run.Sim.Faults.Add(FaultAction.RateLimit(rate: 2, burst: 2, retryAfter: "auto"), pathPattern: ScenarioClient.CancelPattern).Action as RateLimitFault;

        var burst = new[] { await run.StatusAsync(ids[0]), await run.StatusAsync(ids[1]) };
        using var refused = await run.CancelAsync(ids[2]);
        run.Advance(0.5); // one token at 2 per second
        var refilled = new[] { await run.StatusAsync(ids[2]), await run.StatusAsync(ids[3]) };

        Assert.Equal(new[] { 204, 204 }, burst);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter!.Delta);
        Assert.Equal(new[] { 204, 429 }, refilled);
        Assert.Equal((3L, 2L), (bucket!.Admitted, bucket.Refused));
    }

    [Fact]
    public async Task Limiters_can_name_the_moment_to_retry_as_an_HTTP_date_on_the_simulator_clock()
    {
        await using var run = await ScenarioClient.StartAsync();
        var ids = run.Seed(3);
        run.Sim.Faults.Add(FaultAction.Outage(TimeSpan.FromSeconds(3.5), retryAfter: "date"), pathPattern: ScenarioClient.CancelPattern, times: 1);
        run.Sim.Faults.Add(FaultAction.FixedWindow(1, TimeSpan.FromSeconds(2), retryAfter: "date"), pathPattern: ScenarioClient.CancelPattern);
        var start = run.Clock.UtcNow;

        using var outage = await run.CancelAsync(ids[0]);
        var admitted = await run.StatusAsync(ids[0]);
        run.Advance(0.5);
        using var window = await run.CancelAsync(ids[1]);

        Assert.Equal(HttpStatusCode.TooManyRequests, outage.StatusCode);
        Assert.Equal(start.AddSeconds(4), outage.Headers.RetryAfter!.Date); // 3.5 s rounded up to the second
        Assert.Equal(204, admitted);
        Assert.Equal(HttpStatusCode.TooManyRequests, window.StatusCode);
        Assert.Equal(start.AddSeconds(2), window.Headers.RetryAfter!.Date);
    }

    [Theory]
    [InlineData("{\"action\":{\"kind\":\"fixedWindow\",\"windowMs\":2000}}", "limit")]
    [InlineData("{\"action\":{\"kind\":\"fixedWindow\",\"limit\":0,\"windowMs\":2000}}", "limit")]
    [InlineData("{\"action\":{\"kind\":\"fixedWindow\",\"limit\":5}}", "windowMs")]
    [InlineData("{\"action\":{\"kind\":\"outage\"}}", "durationMs")]
    [InlineData("{\"action\":{\"kind\":\"outage\",\"durationMs\":1000,\"start\":\"tomorrow\"}}", "start")]
    [InlineData("{\"action\":{\"kind\":\"rateLimit\",\"rate\":5,\"headers\":\"rfc9999\"}}", "headers")]
    public async Task A_limiter_rule_with_a_missing_or_bad_setting_is_refused_with_400_naming_it(string rule, string named)
    {
        await using var run = await ScenarioClient.StartAsync();

        using var response = await run.Http.PostAsync("_sim/faults", SimTestClient.Json(rule));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'" + named + "'", (await SimTestClient.ReadJsonAsync(response)).GetProperty("error").GetString());
        Assert.Empty(run.Sim.Faults.Rules);
    }
}
