using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using OperationsModule.Simulator;
using Xunit;
using Outcome = OperationsModule.Simulator.FaultScenarios.ItemOutcome;

namespace OperationsModule.Core.Tests.Simulator;

/// <summary>Per-item refusals (one ID in N refused K times, then served) and the item mix: refusals that are not a limit on the connection.</summary>
public sealed class ItemRefusalScenarioTests
{
    [Fact]
    public async Task A_one_in_ten_rule_refuses_exactly_the_IDs_it_picks_K_times_then_serves_them()
    {
        await using var run = await ScenarioClient.StartAsync();
        var ids = run.Seed(200);
        run.Sim.Faults.Add(FaultAction.Status(429, "1"), pathPattern: ScenarioClient.CancelPattern, perPathTimes: 2, oneIn: 10, oneInOffset: 0);

        var refusals = new Dictionary<string, int>();
        foreach (var id in ids)
        {
            refusals[id] = 0;
            while (true)
            {
                using var response = await run.CancelAsync(id);
                if (response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
                    break;
                }

                Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter!.Delta);
                refusals[id]++;
            }
        }

        var picked = ids.Where(id => FaultRule.PathBucket(ScenarioClient.RawPath(id), 10) == 0).ToList();
        Assert.InRange(picked.Count, 10, 30); // about one in ten, and some at all: otherwise this proves nothing
        Assert.All(ids, id => Assert.Equal(picked.Contains(id) ? 2 : 0, refusals[id]));
    }

    [Fact]
    public async Task The_pick_is_the_same_on_every_server_and_different_offsets_pick_disjoint_IDs()
    {
        var paths = Enumerable.Range(1, 1000).Select(i => ScenarioClient.RawPath("wf-" + i)).ToList();

        var buckets = paths.Select(p => FaultRule.PathBucket(p, 10)).ToList();

        Assert.Equal(buckets, paths.Select(p => FaultRule.PathBucket(p, 10)));
        Assert.All(Enumerable.Range(0, 10), b => Assert.InRange(buckets.Count(x => x == b), 60, 140));
        await using var a = await ScenarioClient.StartAsync();
        await using var b = await ScenarioClient.StartAsync();
        var refusedOn = new List<List<string>>();
        foreach (var run in new[] { a, b })
        {
            var ids = run.Seed(100);
            run.Sim.Faults.Add(FaultAction.Status(429, "1"), pathPattern: ScenarioClient.CancelPattern, oneIn: 10, oneInOffset: 0);
            run.Sim.Faults.Add(FaultAction.Status(503, "1"), pathPattern: ScenarioClient.CancelPattern, oneIn: 10, oneInOffset: 1);
            var statuses = new Dictionary<string, int>();
            foreach (var id in ids)
            {
                statuses[id] = await run.StatusAsync(id);
            }

            refusedOn.Add(ids.Where(id => statuses[id] == 429).ToList());
            Assert.Empty(ids.Where(id => statuses[id] == 429).Intersect(ids.Where(id => statuses[id] == 503)));
            Assert.Contains(ids, id => statuses[id] == 503);
        }

        Assert.NotEmpty(refusedOn[0]);
        Assert.Equal(refusedOn[0], refusedOn[1]);
    }

    [Fact]
    public async Task The_item_mix_gives_each_ID_its_outcome_while_serving_the_rest()
    {
        await using var run = await ScenarioClient.StartAsync();
        var ids = run.Seed(300);
        FaultScenarios.ItemMix(run.Sim.Faults, ScenarioClient.CancelPattern);

        var seen = new HashSet<Outcome>();
        foreach (var id in ids)
        {
            var outcome = FaultScenarios.OutcomeOf(ScenarioClient.RawPath(id));
            seen.Add(outcome);
            var statuses = new List<int>();
            for (var attempt = 0; attempt < 3; attempt++)
            {
                using var response = await run.CancelAsync(id);
                statuses.Add((int)response.StatusCode);
                if (response.StatusCode == HttpStatusCode.BadGateway)
                {
                    Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
                    Assert.Contains("<h1>502 Bad Gateway</h1>", await response.Content.ReadAsStringAsync());
                }
            }

            // A served execution answers 400 (already ended) to a repeated cancel.
            int[] expected = outcome switch
            {
                Outcome.RefusedTwice429 => [429, 429, 204],
                Outcome.RefusedOnce503 => [503, 204, 400],
                Outcome.HtmlBadGateway => [502, 502, 502],
                Outcome.NotFound => [404, 404, 404],
                Outcome.Conflict => [409, 409, 409],
                _ => [204, 400, 400],
            };
            Assert.Equal(expected, statuses);
        }

        Assert.Equal(Enum.GetValues<Outcome>().ToHashSet(), seen);
    }

    [Fact]
    public async Task The_item_mix_is_switched_on_and_off_over_the_control_surface()
    {
        await using var run = await ScenarioClient.StartAsync();
        var ids = run.Seed(60);
        var refusedId = ids.First(id => FaultScenarios.OutcomeOf(ScenarioClient.RawPath(id)) == Outcome.RefusedTwice429);
        var servedId = ids.First(id => FaultScenarios.OutcomeOf(ScenarioClient.RawPath(id)) == Outcome.Served);

        using var on = await run.Http.PostAsync("_sim/scenarios/item-mix", SimTestClient.Json("{\"path\":\"/cancel$\",\"method\":\"POST\"}"));
        var whileOn = (await run.StatusAsync(refusedId), await run.StatusAsync(servedId));
        using var off = await run.Http.DeleteAsync("_sim/faults");
        var afterOff = await run.StatusAsync(refusedId);

        Assert.Equal(HttpStatusCode.NoContent, on.StatusCode);
        Assert.Equal((429, 204), whileOn);
        Assert.Equal(204, afterOff);
    }

    [Theory]
    [InlineData("{\"oneIn\":10,\"oneInOffset\":10,\"action\":{\"kind\":\"status\",\"status\":429}}")]
    [InlineData("{\"oneIn\":0,\"action\":{\"kind\":\"status\",\"status\":429}}")]
    [InlineData("{\"oneInOffset\":1,\"action\":{\"kind\":\"status\",\"status\":429}}")]
    public async Task A_one_in_N_rule_that_could_never_apply_is_refused_with_400(string rule)
    {
        await using var run = await ScenarioClient.StartAsync();

        using var response = await run.Http.PostAsync("_sim/faults", SimTestClient.Json(rule));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("oneIn", (await SimTestClient.ReadJsonAsync(response)).GetProperty("error").GetString());
        Assert.Empty(run.Sim.Faults.Rules);
    }

    [Fact]
    public async Task The_item_mix_endpoint_wants_a_path()
    {
        await using var run = await ScenarioClient.StartAsync();

        using var response = await run.Http.PostAsync("_sim/scenarios/item-mix", SimTestClient.Json("{}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(run.Sim.Faults.Rules);
    }
}
