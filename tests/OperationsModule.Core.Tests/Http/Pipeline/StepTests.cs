using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Auth;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Http.Pipeline;
using OperationsModule.Core.Http.Throttling;
using OperationsModule.Core.Tests.Infrastructure;
using Xunit;

namespace OperationsModule.Core.Tests.Http.Pipeline;

/// <summary>
/// Each send step alone over the scripted sender (with the message step, so the sender sees headers), run as the
/// pipeline runs it: inline where it can be (see <see cref="WholeStepTests"/> for the same tests with every step whole).
/// </summary>
public class StepTests
{
    private static readonly Uri Server = new Uri("https://api.example.test/");

    private static (SendContext Context, RecordingOutput Log) Call(HttpMethod? method = null, string path = "v1/a", bool mayCreateWork = false, string? body = null)
    {
        var log = new RecordingOutput { IsDebugEnabled = false };
        var request = new ApiRequest(method ?? HttpMethod.Get, new Uri(Server, path)) { MayCreateWork = mayCreateWork, Body = body };
        return (new SendContext(request, log, CancellationToken.None), log);
    }

    private Task<ApiResponse> Run(ScriptedSender sender, SendContext context, params SendStep[] steps) =>
        SendOrder.Run(steps.Append(new MessageStep(new HttpOptions { UserAgent = "test-agent" })).Select(Wrap).ToList(), sender, context);

    /// <summary>How each step of a test runs: as given (inline where it can be), or whole in the derived class.</summary>
    private protected virtual SendStep Wrap(SendStep step) => step;

    private static HttpOptions Options(int retries = 3) => new HttpOptions { MaximumRetryCount = retries, RetryInterval = TimeSpan.FromSeconds(1) };

    [Fact]
    public async Task Redirect_follows_the_same_origin_and_refuses_another()
    {
        var sender = new ScriptedSender().Then(308, ("Location", "/v1/b")).Then(307, ("Location", "https://elsewhere.example.test/v1/c"));
        var (context, _) = Call();

        var error = await Assert.ThrowsAsync<OperationsApiException>(() => Run(sender, context, new RedirectStep(new HttpOptions { MaximumRedirects = 5 })));

        Assert.Equal(ErrorIds.UnexpectedRedirect, error.ErrorId);
        Assert.Contains("another origin", error.Message);
        Assert.Equal(new[] { "/v1/a", "/v1/b" }, sender.Sent.Select(s => s.Uri.AbsolutePath));
    }

    [Fact]
    public async Task Redirect_never_turns_a_post_into_a_get()
    {
        var sender = new ScriptedSender().Then(303, ("Location", "/login"));
        var (context, _) = Call(HttpMethod.Post);

        var error = await Assert.ThrowsAsync<OperationsApiException>(() => Run(sender, context, new RedirectStep(new HttpOptions { MaximumRedirects = 5 })));

        Assert.Contains("into a GET", error.Message);
        Assert.Single(sender.Sent);
    }

    [Fact]
    public async Task Retry_spends_the_budget_on_retryable_statuses_with_backoff_on_the_clock()
    {
        var sender = new ScriptedSender().Then(503);
        var (context, log) = Call();

        var response = await Run(sender, context, new RetryStep(Options(retries: 2), sender.Clock, () => 0.5));

        Assert.Equal(503, response.StatusCode);
        Assert.Equal(3, sender.Sent.Count);
        Assert.Equal(3, context.Attempt);
        // Equal jitter at 0.5: 0.75 s, then 1.5 s.
        Assert.Equal(TimeSpan.FromSeconds(2.25), sender.Clock.TotalWaited);
        Assert.Equal(2, log.Verbose.Count(v => v.StartsWith("Retrying GET", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Retry_resends_a_refused_connection_even_for_work_but_not_a_status()
    {
        var sender = new ScriptedSender().ThenRefused().Then(502);
        var (context, _) = Call(HttpMethod.Post, mayCreateWork: true);

        var response = await Run(sender, context, new RetryStep(Options(), sender.Clock, () => 0.5));

        // Nothing reached the server the first time; a 502 may have created the work, so it is the answer.
        Assert.Equal(502, response.StatusCode);
        Assert.Equal(2, sender.Sent.Count);
    }

    [Fact]
    public async Task Retry_gives_up_with_the_attempt_count_on_the_error()
    {
        var sender = new ScriptedSender().ThenRefused();
        var (context, _) = Call();

        var error = await Assert.ThrowsAsync<OperationsApiException>(() => Run(sender, context, new RetryStep(Options(retries: 1), sender.Clock, () => 0.5)));

        Assert.Equal(ErrorIds.ConnectionFailed, error.ErrorId);
        Assert.Equal(2, error.Attempts);
    }

    [Fact]
    public async Task Connection_limit_waits_are_free_until_the_maximum_throttle_wait()
    {
        var sender = new ScriptedSender().Then(429, ("Retry-After", "30"));
        var options = Options();
        options.MaximumThrottleWait = TimeSpan.FromSeconds(60);
        var (context, log) = Call();

        var response = await Run(sender, context, new ConnectionLimitWaitStep(options, sender.Clock, () => 0.5), new FixedVerdict(ThrottleVerdict.Rate));

        // Waits of 30 s at 0 s, 30 s and 60 s are within the minute; the answer at 90 s is past it and goes back out.
        Assert.Equal(429, response.StatusCode);
        Assert.Equal(4, sender.Sent.Count);
        Assert.Equal(4, context.Attempt);
        Assert.Equal(3, log.Verbose.Count(v => v.Contains("not counted against -MaximumRetryCount")));
    }

    [Fact]
    public async Task Connection_limit_leaves_an_item_refusal_to_the_retry_step()
    {
        var sender = new ScriptedSender().Then(429).Then(200, "{}");
        var (context, _) = Call();

        var response = await Run(sender, context, new ConnectionLimitWaitStep(Options(), sender.Clock, () => 0.5), new FixedVerdict(ThrottleVerdict.Item));

        Assert.Equal(429, response.StatusCode);
        Assert.Single(sender.Sent);
    }

    [Fact]
    public async Task Proxy_refusal_names_the_proxy()
    {
        var sender = new ScriptedSender().Then(407);
        var (context, _) = Call();
        var options = new HttpOptions { Proxy = new Uri("http://proxy.example.test:3128") };

        var error = await Assert.ThrowsAsync<OperationsApiException>(() => Run(sender, context, new ProxyRefusalStep(options)));

        Assert.Equal(407, error.StatusCode);
        Assert.Contains("proxy.example.test", error.Message);
    }

    [Fact]
    public async Task Credential_rule_refuses_a_secret_over_http_before_anything_is_sent()
    {
        var sender = new ScriptedSender().Then(200, "{}");
        var log = new RecordingOutput();
        var context = new SendContext(new ApiRequest(HttpMethod.Get, new Uri("http://api.example.test/v1/a")), log, CancellationToken.None);
        var basic = new BasicAuthenticator(Connections.Credential("u", "p"));

        var error = await Assert.ThrowsAsync<OperationsApiException>(() => Run(sender, context, new CredentialTransportStep(new HttpOptions(), basic)));

        Assert.Equal(ErrorIds.UnencryptedAuthentication, error.ErrorId);
        Assert.Empty(sender.Sent);
        var allowed = await Run(sender, context, new CredentialTransportStep(new HttpOptions { AllowUnencryptedAuthentication = true }, basic));
        Assert.Equal(200, allowed.StatusCode);
    }

    [Fact]
    public async Task Authenticate_renews_once_after_a_401_and_resends_with_the_new_token()
    {
        var run = new PipelineHarness(PipelineHarness.Vcf());
        run.Sender.On("/v1/tokens", 201, PipelineHarness.TokenPair("a1", "r1"))
            .On("/v1/tokens/access-token/refresh", 200, "\"a2\"")
            .Then(401).Then(200, "{}");
        var (context, _) = Call(path: "v1/tasks/t1");

        var response = await Run(run.Sender, context, new AuthenticateStep(run.Transport.Authenticator, run.Transport));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(new[] { "Bearer a1", "Bearer a2" }, run.Sender.Sent.Where(s => s.Uri.AbsolutePath == "/v1/tasks/t1").Select(s => s.Credential));
        // The login and refresh went through the transport's anonymous requests: no credential of their own.
        Assert.All(run.Sender.Sent.Where(s => s.Uri.AbsolutePath != "/v1/tasks/t1"), s => Assert.Null(s.Credential));
    }

    [Fact]
    public async Task Authenticate_returns_the_401_of_a_credential_that_cannot_be_renewed()
    {
        var sender = new ScriptedSender().Then(401);
        var (context, _) = Call();
        var token = HeaderTokenAuthenticator.Bearer(Connections.Secret("fixed"));
        using var transport = new SendPipeline(new HttpOptions(), token, sender);

        var response = await Run(sender, context, new AuthenticateStep(token, transport));

        Assert.Equal(401, response.StatusCode);
        Assert.Equal("Bearer fixed", Assert.Single(sender.Sent).Credential);
    }

    [Fact]
    public async Task Throttle_judges_a_lone_refusal_as_the_items_and_frees_its_place_after_a_failure()
    {
        var gate = new ThrottleGate { Clock = new VirtualClock() };
        var sender = new ScriptedSender().Then(429).ThenRefused();
        var (context, _) = Call();

        await Run(sender, context, new ThrottleStep(gate, new HttpOptions()));
        Assert.Equal(ThrottleVerdict.Item, context.Verdict);
        await Assert.ThrowsAnyAsync<Exception>(() => Run(sender, context, new ThrottleStep(gate, new HttpOptions())));

        Assert.Equal(0, gate.InFlight);
    }

    [Fact]
    public async Task Call_count_holds_a_call_at_the_gate_from_its_first_attempt_to_its_answer_or_failure_once()
    {
        var gate = new ThrottleGate { Clock = new VirtualClock() };
        var seen = new List<int>();
        var sender = new ScriptedSender().Then(503).Then(200).ThenRefused();
        sender.OnSend = _ =>
        {
            seen.Add(gate.CallsInProgress);
            return Task.CompletedTask;
        };

        // A retried call is one call throughout; a call that fails ends too.
        var (answered, _) = Call();
        var response = await Run(sender, answered, new CallCountStep(gate), new RetryStep(Options(), sender.Clock, () => 0.5));
        Assert.Equal(200, response.StatusCode);
        Assert.Equal(0, gate.CallsInProgress);
        var (failing, _) = Call();
        await Assert.ThrowsAnyAsync<Exception>(() => Run(sender, failing, new CallCountStep(gate), new RetryStep(Options(retries: 0), sender.Clock, () => 0.5)));

        Assert.Equal(new[] { 1, 1, 1 }, seen);
        Assert.Equal(0, gate.CallsInProgress);
    }

    [Fact]
    public async Task Message_carries_headers_body_and_user_agent()
    {
        var sender = new ScriptedSender().Then(200, "{}");
        HttpRequestMessage? seen = null;
        string? agent = null, accept = null, body = null;
        sender.OnSend = async c =>
        {
            seen = c.Message;
            agent = c.Message!.Headers.UserAgent.ToString();
            accept = c.Message.Headers.Accept.ToString();
            body = await c.Message.Content!.ReadAsStringAsync();
        };
        var (context, _) = Call(HttpMethod.Post, body: "{\"a\":1}");
        context.Request.Headers["Accept"] = "application/json";

        await Run(sender, context);

        Assert.Equal("test-agent", agent);
        Assert.Equal("application/json", accept);
        Assert.Equal("{\"a\":1}", body);
        Assert.Null(context.Message);
        Assert.NotNull(seen);
    }

    [Fact]
    public async Task Log_writes_one_verbose_line_per_attempt_with_its_outcome()
    {
        var sender = new ScriptedSender().ThenRefused();
        var (context, log) = Call();
        await Assert.ThrowsAnyAsync<Exception>(() => Run(sender, context, new LogStep()));
        sender.Then(204);
        await Run(sender, context, new LogStep());

        Assert.Collection(log.Verbose,
            v => Assert.StartsWith("GET https://api.example.test/v1/a -> ConnectionFailed after ", v),
            v => Assert.StartsWith("GET https://api.example.test/v1/a -> 204", v));
    }

    /// <summary>
    /// Call A cannot connect and probes (its own retries); call B, started during A's retry, holds until A's outcome.
    /// Returns B's task, whether B was still held when A's retry went out, and A's outcome.
    /// </summary>
    private async Task<(Task<ApiResponse> B, bool HeldDuringProbe, Exception? AFailure)> ProbeWhileAnotherWaits(ScriptedSender sender, int retries)
    {
        var reachability = new ServerReachability();
        var command = new object();
        SendStep[] Steps() => new SendStep[] { new UnreachableServerStep(reachability, command), new RetryStep(Options(retries), sender.Clock, () => 0.5, reachability) };
        Task<ApiResponse>? b = null;
        var held = false;
        sender.OnSend = c =>
        {
            if (c.Attempt == 2 && b is null)
            {
                b = Run(sender, Call(path: "v1/b").Context, Steps());
                held = !b.IsCompleted;
            }
            return Task.CompletedTask;
        };
        Exception? failure = null;
        try
        {
            await Run(sender, Call(path: "v1/a").Context, Steps());
        }
        catch (OperationsApiException ex)
        {
            failure = ex;
        }
        return (b!, held, failure);
    }

    [Fact]
    public async Task Unreachable_server_holds_others_while_one_probes_and_lets_them_go_on_its_answer()
    {
        var sender = new ScriptedSender().ThenRefused().Then(200, "{}");

        var (b, held, failure) = await ProbeWhileAnotherWaits(sender, retries: 3);

        Assert.Null(failure);
        Assert.True(held);
        Assert.Equal(200, (await b).StatusCode);
        Assert.Equal(new[] { "/v1/a", "/v1/a", "/v1/b" }, sender.Sent.Select(s => s.Uri.AbsolutePath));
    }

    [Fact]
    public async Task Unreachable_server_fails_the_held_requests_unsent_when_the_probe_runs_out()
    {
        var sender = new ScriptedSender().ThenRefused();

        var (b, held, failure) = await ProbeWhileAnotherWaits(sender, retries: 1);

        Assert.Equal(ErrorIds.ConnectionFailed, Assert.IsType<OperationsApiException>(failure).ErrorId);
        Assert.True(held);
        var unsent = await Assert.ThrowsAsync<OperationsApiException>(() => b);
        Assert.Equal(ErrorIds.ConnectionFailed, unsent.ErrorId);
        Assert.Contains("was not sent because the server was unreachable", unsent.Message);
        Assert.Equal(new[] { "/v1/a", "/v1/a" }, sender.Sent.Select(s => s.Uri.AbsolutePath));
    }

    /// <summary>Stands in for the throttle gate: every answer gets the same verdict.</summary>
    private sealed class FixedVerdict : SendStep
    {
        private readonly ThrottleVerdict _verdict;

        public FixedVerdict(ThrottleVerdict verdict) => _verdict = verdict;

        public override async Task<ApiResponse> SendAsync(SendContext context, SendNext next)
        {
            var response = await next.SendAsync();
            context.Verdict = _verdict;
            return response;
        }
    }
}
