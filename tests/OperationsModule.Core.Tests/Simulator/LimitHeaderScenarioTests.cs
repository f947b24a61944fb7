using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.Core.Tests.Simulator;

/// <summary>Limit headers on every answer of the limiters, in each convention, and the lying mode (a server whose headers are wrong).</summary>
public sealed class LimitHeaderScenarioTests
{
    [Fact]
    public async Task GitHub_style_headers_count_down_the_window_and_reset_at_its_end_in_epoch_seconds()
    {
        await using var run = await ScenarioClient.StartAsync();
        var ids = run.Seed(4);
        run.Sim.Faults.Add(FaultAction.FixedWindow(2, TimeSpan.FromSeconds(2), headers: LimitHeaderStyle.GitHub), pathPattern: ScenarioClient.CancelPattern);
        var windowEnd = run.Clock.UtcNow.AddSeconds(2).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        using var first = await run.CancelAsync(ids[0]);
        run.Advance(0.5);
        using var second = await run.CancelAsync(ids[1]);
        using var refused = await run.CancelAsync(ids[2]);

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.TooManyRequests), (first.StatusCode, second.StatusCode, refused.StatusCode));
        Assert.Equal(("2", "1", windowEnd), (Header(first, "X-RateLimit-Limit"), Header(first, "X-RateLimit-Remaining"), Header(first, "X-RateLimit-Reset")));
        Assert.Equal(("0", windowEnd), (Header(second, "X-RateLimit-Remaining"), Header(second, "X-RateLimit-Reset")));
        Assert.Equal(("0", "2", windowEnd), (Header(refused, "X-RateLimit-Remaining"), Header(refused, "X-RateLimit-Used"), Header(refused, "X-RateLimit-Reset")));
        Assert.Null(Header(first, "RateLimit-Limit"));
    }

    [Fact]
    public async Task Draft_style_headers_give_the_reset_as_delta_seconds_rounded_up()
    {
        await using var run = await ScenarioClient.StartAsync();
        var ids = run.Seed(3);
        run.Sim.Faults.Add(FaultAction.FixedWindow(100, TimeSpan.FromSeconds(2), headers: LimitHeaderStyle.Draft), pathPattern: ScenarioClient.CancelPattern);

        using var first = await run.CancelAsync(ids[0]);
        run.Advance(1.2);
        using var second = await run.CancelAsync(ids[1]);

        Assert.Equal(("100", "99", "2"), (Header(first, "RateLimit-Limit"), Header(first, "RateLimit-Remaining"), Header(first, "RateLimit-Reset")));
        Assert.Equal(("98", "1"), (Header(second, "RateLimit-Remaining"), Header(second, "RateLimit-Reset")));
        Assert.Null(Header(first, "X-RateLimit-Limit"));
    }

    [Fact]
    public async Task Structured_headers_declare_the_policy_and_what_is_left_of_it()
    {
        await using var run = await ScenarioClient.StartAsync();
        var ids = run.Seed(2);
        run.Sim.Faults.Add(FaultAction.FixedWindow(100, TimeSpan.FromSeconds(2), headers: LimitHeaderStyle.Structured), pathPattern: ScenarioClient.CancelPattern);

        using var first = await run.CancelAsync(ids[0]);
        run.Advance(1.5);
        using var second = await run.CancelAsync(ids[1]);

        Assert.Equal("\"window\";q=100;w=2", Header(first, "RateLimit-Policy"));
        Assert.Equal("\"window\";r=99;t=2", Header(first, "RateLimit"));
        Assert.Equal("\"window\";r=98;t=1", Header(second, "RateLimit"));
        Assert.Null(Header(first, "RateLimit-Limit"));
    }

    [Fact]
    public async Task The_token_bucket_describes_itself_as_a_quota_of_its_burst_that_is_whole_when_the_bucket_is_full()
    {
        await using var run = await ScenarioClient.StartAsync();
        var ids = run.Seed(3);
        // Switched on at run time, as a demo or Pester test would.
        using var on = await run.Http.PostAsync("_sim/faults", SimTestClient.Json("{\"path\":\"/cancel$\",\"action\":{\"kind\":\"rateLimit\",\"rate\":1,\"burst\":4,\"headers\":\"draft\"}}"));

        using var first = await run.CancelAsync(ids[0]);
        using var second = await run.CancelAsync(ids[1]);

        Assert.Equal(HttpStatusCode.NoContent, on.StatusCode);
        Assert.Equal(("4", "3", "1"), (Header(first, "RateLimit-Limit"), Header(first, "RateLimit-Remaining"), Header(first, "RateLimit-Reset")));
        Assert.Equal(("2", "2"), (Header(second, "RateLimit-Remaining"), Header(second, "RateLimit-Reset")));
    }

    [Fact]
    public async Task Lying_headers_contradict_each_other_and_the_limiter_which_still_admits_as_before()
    {
        await using var run = await ScenarioClient.StartAsync();
        var ids = run.Seed(8);
        run.Sim.Faults.Add(FaultAction.FixedWindow(100, TimeSpan.FromSeconds(2), headers: LimitHeaderStyle.Lying), pathPattern: ScenarioClient.CancelPattern);

        var answers = new HttpResponseMessage[4];
        for (var i = 0; i < answers.Length; i++)
        {
            answers[i] = await run.CancelAsync(ids[i]);
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NoContent, a.StatusCode));
        Assert.Equal(("-5", "1000000", "10"), (Header(answers[0], "X-RateLimit-Remaining"), Header(answers[0], "RateLimit-Remaining"), Header(answers[0], "RateLimit-Limit")));
        Assert.Equal(("0", "31536000000"), (Header(answers[1], "RateLimit-Remaining"), Header(answers[1], "RateLimit-Reset")));
        Assert.True(long.Parse(Header(answers[1], "X-RateLimit-Reset")!, CultureInfo.InvariantCulture) > run.Clock.UtcNow.AddYears(9).ToUnixTimeSeconds());
        Assert.Equal(("abc", "\"x\";q=0;w=0"), (Header(answers[2], "X-RateLimit-Limit"), Header(answers[2], "RateLimit-Policy")));
        Assert.Equal("\"other\";r=0;t=86400", Header(answers[3], "RateLimit"));
        Assert.True(long.Parse(Header(answers[3], "X-RateLimit-Reset")!, CultureInfo.InvariantCulture) < run.Clock.UtcNow.ToUnixTimeSeconds());
        foreach (var a in answers)
        {
            a.Dispose();
        }
    }

    [Fact]
    public async Task Without_a_header_style_a_limiter_sends_only_Retry_After()
    {
        await using var run = await ScenarioClient.StartAsync();
        var ids = run.Seed(2);
        run.Sim.Faults.Add(FaultAction.FixedWindow(1, TimeSpan.FromSeconds(2)), pathPattern: ScenarioClient.CancelPattern);

        using var admitted = await run.CancelAsync(ids[0]);
        using var refused = await run.CancelAsync(ids[1]);

        Assert.DoesNotContain(admitted.Headers.Concat(refused.Headers), h => h.Key.Contains("RateLimit", StringComparison.OrdinalIgnoreCase));
        Assert.NotNull(refused.Headers.RetryAfter);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
