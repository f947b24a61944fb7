using System;
using System.Linq;
using System.Threading.Tasks;
using OperationsModule.Core.Systems.OLConnect;
using OperationsModule.Core.Tests.Http.Pipeline;
using OperationsModule.Core.Tests.Infrastructure;
using Xunit;

namespace OperationsModule.Core.Tests.Auth;

/// <summary>Short-lived tokens are renewed per lifetime (a tenth of it ahead of expiry), not per request, whatever the concurrency.</summary>
public class RenewalPerLifetimeTests
{
    private const string LoginPath = "/rest/serverengine/authentication/login";

    /// <summary>An OL Connect login whose tokens live 20 s; every other request takes one virtual second.</summary>
    private static PipelineHarness TwentySecondTokens()
    {
        var run = new PipelineHarness(new OlConnectLoginAuthenticator(PipelineHarness.Server, Connections.Credential("ol-admin", "pw-secret")));
        run.Sender.On(LoginPath, 200, "token-value", ("Token-Expires-In", "20")).Then(200, "{}");
        run.Sender.OnSend = c =>
        {
            if (c.Uri.AbsolutePath != LoginPath) run.Sender.Clock.Advance(TimeSpan.FromSeconds(1));
            return Task.CompletedTask;
        };
        return run;
    }

    [Fact]
    public async Task Three_hundred_requests_over_fifteen_lifetimes_renew_about_once_each()
    {
        var run = TwentySecondTokens();

        for (var i = 0; i < 300; i++) await run.GetAsync("rest/serverengine/workflow/outputcreation/getProgress/" + i);

        // 300 s of 20 s tokens renewed at 18 s: 17 logins. Before: one per request (a 30 s margin made every token expiring).
        Assert.InRange(run.Sender.Count(LoginPath), 15, 18);
    }

    [Fact]
    public async Task Concurrent_requests_share_each_renewal()
    {
        var run = TwentySecondTokens();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 30; i++) await run.GetAsync($"rest/serverengine/workflow/outputcreation/getProgress/{worker}-{i}");
        })));

        Assert.InRange(run.Sender.Count(LoginPath), 15, 20);
    }

    [Fact]
    public async Task A_fresh_token_is_never_expiring_even_when_it_lives_one_second()
    {
        var run = new PipelineHarness(new OlConnectLoginAuthenticator(PipelineHarness.Server, Connections.Credential("ol-admin", "pw-secret")));
        run.Sender.On(LoginPath, 200, "token-value", ("Token-Expires-In", "1")).Then(200, "{}");

        for (var i = 0; i < 5; i++) await run.GetAsync("rest/serverengine/workflow/outputcreation/getProgress/" + i);

        Assert.Equal(1, run.Sender.Count(LoginPath));
    }
}
