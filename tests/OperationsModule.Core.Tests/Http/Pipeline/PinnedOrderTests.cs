using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Http.Pipeline;
using OperationsModule.Core.Tests.Infrastructure;
using Xunit;

namespace OperationsModule.Core.Tests.Http.Pipeline;

/// <summary>
/// How the send steps meet, pinned before the loop became steps (these held on the single loop too): which counter
/// each resend spends, and where a login happens relative to the throttle gate.
/// </summary>
public class PinnedOrderTests
{
    [Fact]
    public async Task A401ThenA429RenewsOnceFreeThenRetriesOnceCounted()
    {
        var run = new PipelineHarness(PipelineHarness.Vcf());
        run.Sender.On("/v1/tokens", 201, PipelineHarness.TokenPair("a1", "r1"))
            .On("/v1/tokens/access-token/refresh", 200, "\"a2\"")
            .Then(401).Then(429, ("Retry-After", "2")).Then(200, "{}");

        var response = await run.GetAsync("v1/tasks/t1");

        Assert.Equal(200, response.StatusCode);
        // The resend after renewal is no attempt; the retry after the 429 is.
        Assert.Equal(2, response.Attempts);
        var sent = run.Sender.Sent.Select(s => $"{s.Method.Method} {s.Uri.AbsolutePath} {s.Credential}").ToList();
        Assert.Equal(new[]
        {
            "POST /v1/tokens ",
            "GET /v1/tasks/t1 Bearer a1",
            "PATCH /v1/tokens/access-token/refresh ",
            "GET /v1/tasks/t1 Bearer a2",
            "GET /v1/tasks/t1 Bearer a2",
        }, sent);
        // The retry waited for the server's Retry-After on the virtual clock.
        Assert.True(run.Sender.Clock.TotalWaited >= TimeSpan.FromSeconds(2), $"waited {run.Sender.Clock.TotalWaited}");
    }

    [Fact]
    public async Task ASecond401AfterRenewalIsTheAnswer()
    {
        var run = new PipelineHarness(PipelineHarness.Vcf());
        run.Sender.On("/v1/tokens", 201, PipelineHarness.TokenPair("a1", "r1"))
            .On("/v1/tokens/access-token/refresh", 200, "\"a2\"")
            .Then(401);

        var response = await run.GetAsync("v1/tasks/t1");

        Assert.Equal(401, response.StatusCode);
        Assert.Equal(1, response.Attempts);
        Assert.Equal(2, run.Sender.Count("/v1/tasks/t1"));
    }

    [Fact]
    public async Task ARetryAfterARedirectResendsToTheTarget()
    {
        var run = new PipelineHarness();
        run.Sender.Then(307, ("Location", "/v1/b")).Then(503).Then(200, "{}");

        var response = await run.GetAsync("v1/a");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, response.Attempts);
        Assert.Equal(new[] { "/v1/a", "/v1/b", "/v1/b" }, run.Sender.Sent.Select(s => s.Uri.AbsolutePath));
    }

    [Fact]
    public async Task RedirectHopsShareOneRetryBudget()
    {
        var run = new PipelineHarness(configure: o => o.MaximumRetryCount = 1);
        run.Sender.Then(503).Then(307, ("Location", "/v1/b")).Then(503).Then(200, "{}");

        var response = await run.GetAsync("v1/a");

        // The hop to /v1/b gets no fresh budget: its 503 is the answer.
        Assert.Equal(503, response.StatusCode);
        Assert.Equal(2, response.Attempts);
        Assert.Equal(new[] { "/v1/a", "/v1/a", "/v1/b" }, run.Sender.Sent.Select(s => s.Uri.AbsolutePath));
    }

    [Fact]
    public async Task RedirectHopsShareOneHopLimitAcrossRetries()
    {
        var run = new PipelineHarness(configure: o => o.MaximumRedirects = 1);
        run.Sender.Then(307, ("Location", "/v1/b")).Then(503).Then(307, ("Location", "/v1/c"));

        var error = await Assert.ThrowsAsync<OperationsApiException>(() => run.GetAsync("v1/a"));

        Assert.Equal(ErrorIds.UnexpectedRedirect, error.ErrorId);
        Assert.Contains("more than 1 time", error.Message);
    }

    [Fact]
    public async Task ALoginWhileTheThrottleWindowIsFullGoesThrough()
    {
        var run = new PipelineHarness(PipelineHarness.Vcf());
        // An announced quota engages the gate with a window of one request (the most ever in flight so far).
        run.Sender.On("/v1/tokens", 201, PipelineHarness.TokenPair("a1", "r1"))
            .Then(200, "{}", ("RateLimit-Limit", "100"), ("RateLimit-Remaining", "99"), ("RateLimit-Reset", "60"));
        await run.SendAsync(new ApiRequest(HttpMethod.Get, new Uri(PipelineHarness.Server, "v1/system")) { Anonymous = true });
        Assert.True(run.Transport.Throttle.IsEngaged);
        Assert.Equal(1, run.Transport.Throttle.Concurrency);

        // Before: the item took the only place in the window, then its login waited for that place for ever.
        var response = await run.GetAsync("v1/tasks/t1").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(new[] { "/v1/system", "/v1/tokens", "/v1/tasks/t1" }, run.Sender.Sent.Select(s => s.Uri.AbsolutePath));
    }

    [Fact]
    public async Task TheResendAfterRenewalPassesTheGateAgain()
    {
        var run = new PipelineHarness(PipelineHarness.Vcf());
        // Two requests left in a 10-second window: the gate spreads them, so every pass through it is seen on the clock.
        (string, string)[] quota = { ("RateLimit-Limit", "2"), ("RateLimit-Remaining", "2"), ("RateLimit-Reset", "10") };
        run.Sender.On("/v1/tokens", 201, PipelineHarness.TokenPair("a1", "r1"), quota)
            .On("/v1/tokens/access-token/refresh", 200, "\"a2\"", quota)
            .Then(401, quota).Then(200, "{}", quota);

        var response = await run.GetAsync("v1/tasks/t1");

        Assert.Equal(200, response.StatusCode);
        var times = run.Sender.Sent.Select(s => s.At).ToList();
        Assert.Equal(4, times.Count);
        // Login, first try, refresh and resend each waited for the spread quota: none went around the gate.
        for (var i = 2; i < times.Count; i++)
            Assert.True(times[i] > times[i - 1], $"send {i} at {times[i]:HH:mm:ss.fff} did not wait after {times[i - 1]:HH:mm:ss.fff}");
    }
}
