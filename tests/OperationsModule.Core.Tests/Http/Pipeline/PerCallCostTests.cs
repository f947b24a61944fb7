using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Auth;
using OperationsModule.Core.Http;
using OperationsModule.Core.Http.Pipeline;
using OperationsModule.Core.Http.Throttling;
using OperationsModule.Core.Output;
using OperationsModule.Core.Tests.Infrastructure;
using Xunit;

namespace OperationsModule.Core.Tests.Http.Pipeline;

/// <summary>
/// What a bulk run pays per request on the send path: the steps are made once per transport (a call carries only its
/// context), and work nobody asked for (log lines when nobody listens) is not done.
/// </summary>
public class PerCallCostTests
{
    private static readonly Uri Server = new Uri("https://api.example.test/");

    private static ApiRequest Get(string path = "v1/a") => new ApiRequest(HttpMethod.Get, new Uri(Server, path));

    [Fact]
    public void Steps_are_made_once_per_transport_not_per_call()
    {
        using var transport = new SendPipeline(new HttpOptions(), NoAuthenticator.Instance, new ScriptedSender());

        Assert.Same(transport.StepsFor(anonymous: false), transport.StepsFor(anonymous: false));
        Assert.Same(transport.StepsFor(anonymous: true), transport.StepsFor(anonymous: true));
        // Logins and refreshes run without the authenticate step, so they are a list of their own.
        Assert.NotSame(transport.StepsFor(anonymous: false), transport.StepsFor(anonymous: true));
    }

    [Fact]
    public async Task Shared_steps_keep_no_count_of_a_call_each_call_has_its_own_retries_and_redirects()
    {
        var sender = new ScriptedSender().Then(308, ("Location", "/v1/b")).Then(503).Then(503).Then(308, ("Location", "/v1/b")).Then(503).Then(503);
        var options = new HttpOptions { MaximumRetryCount = 1, RetryInterval = TimeSpan.FromSeconds(1), MaximumRedirects = 1 };
        using var transport = new SendPipeline(options, NoAuthenticator.Instance, sender, new ThrottleGate { Clock = sender.Clock });

        var first = await transport.SendAsync(Get(), NullLogSink.Instance, CancellationToken.None);
        var second = await transport.SendAsync(Get(), NullLogSink.Instance, CancellationToken.None);

        // Each call follows its one redirect and spends its one retry: had the steps kept the first call's counts,
        // the second would stop at its redirect (over -MaximumRedirection) or return its first 503 unretried.
        Assert.Equal(503, first.StatusCode);
        Assert.Equal(503, second.StatusCode);
        Assert.Equal(2, first.Attempts);
        Assert.Equal(2, second.Attempts);
        Assert.Equal(new[] { "/v1/a", "/v1/b", "/v1/b", "/v1/a", "/v1/b", "/v1/b" }, sender.Sent.Select(s => s.Uri.AbsolutePath));
    }

    [Fact]
    public async Task Shared_steps_read_the_options_as_they_are_at_each_call()
    {
        var sender = new ScriptedSender().Then(200, "{}").Then(308, ("Location", "/v1/b"));
        var agents = new System.Collections.Concurrent.ConcurrentQueue<string>();
        sender.OnSend = c =>
        {
            agents.Enqueue(c.Message!.Headers.UserAgent.ToString());
            return Task.CompletedTask;
        };
        var options = new HttpOptions { UserAgent = "first-agent/1.0" };
        using var transport = new SendPipeline(options, NoAuthenticator.Instance, sender);
        await transport.SendAsync(Get(), NullLogSink.Instance, CancellationToken.None);

        options.UserAgent = "second-agent/2.0";
        options.MaximumRedirects = 0;
        var error = await Assert.ThrowsAsync<Core.Errors.OperationsApiException>(() => transport.SendAsync(Get(), NullLogSink.Instance, CancellationToken.None));

        Assert.Equal(new[] { "first-agent/1.0", "second-agent/2.0" }, agents);
        Assert.Equal(Core.Errors.ErrorIds.UnexpectedRedirect, error.ErrorId);
    }

    [Fact]
    public void A_call_nobody_listens_to_gets_no_log_frame_of_its_own()
    {
        var answer = new TaskCompletionSource<ApiResponse>();
        var terminal = new PendingSender(answer.Task);

        var silent = SendOrder.Run(new SendStep[] { new LogStep() }, terminal, new SendContext(Get(), NullLogSink.Instance, CancellationToken.None));
        var listened = SendOrder.Run(new SendStep[] { new LogStep() }, terminal, new SendContext(Get(), new RecordingOutput { IsDebugEnabled = false }, CancellationToken.None));

        // No timing, no formatting, no async wrapper: the caller awaits the wire's own task.
        Assert.Same(answer.Task, silent);
        Assert.NotSame(answer.Task, listened);
        answer.SetResult(new ApiResponse(204, null, new System.Collections.Generic.Dictionary<string, System.Collections.Generic.IReadOnlyList<string>>(), string.Empty, null, Server, TimeSpan.Zero, 1));
    }

    [Fact]
    public async Task A_call_masks_with_its_own_secrets_and_leaves_no_scope_behind()
    {
        var sender = new ScriptedSender().Then(200, "{}");
        string? maskedDuringTheCall = null;
        sender.OnSend = c =>
        {
            maskedDuringTheCall = Core.Secrets.SecretScope.Apply("rejected s3cr3t-value");
            return Task.CompletedTask;
        };
        var token = HeaderTokenAuthenticator.Bearer(Connections.Secret("s3cr3t-value"));
        using var transport = new SendPipeline(new HttpOptions(), token, sender);

        await transport.SendAsync(Get(), NullLogSink.Instance, CancellationToken.None);

        // The call's scope knew the token it sent; the caller, once the call is over, is outside any scope.
        Assert.Equal("rejected ***", maskedDuringTheCall);
        Assert.Null(Core.Secrets.SecretScope.Current);
        Assert.Equal("s3cr3t-value", Core.Secrets.SecretScope.Apply("s3cr3t-value"));
    }

    [Fact]
    public void An_ordinary_call_passes_the_steps_inline_not_one_async_frame_each()
    {
        var basic = new BasicAuthenticator(Connections.Credential("user", "pw-secret"));
        using var transport = new SendPipeline(new HttpOptions(), basic, new ScriptedSender());
        var steps = transport.StepsFor(anonymous: false);
        var whole = steps.Select(s => (SendStep)new WholeStepTests.WholeOnly(s)).ToList();

        var inline = BytesPerCall(steps);
        var stepByStep = BytesPerCall(whole);

        // Each step run whole suspends in a state machine of its own (over 100 bytes each, and a resume when the
        // answer comes); inline they share one. Measured: about 1,700 bytes a call against 3,200.
        Assert.True(inline + 8 * 100 <= stepByStep, $"inline {inline} B per call, step by step {stepByStep} B");
    }

    /// <summary>Bytes this thread allocates per call, the answer arriving later on this thread (as the wire's would).</summary>
    private static long BytesPerCall(System.Collections.Generic.IReadOnlyList<SendStep> steps)
    {
        var answer = new ApiResponse(204, null, new System.Collections.Generic.Dictionary<string, System.Collections.Generic.IReadOnlyList<string>>(), string.Empty, null, Server, TimeSpan.Zero, 1);
        long Calls(int n)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < n; i++)
            {
                var pending = new TaskCompletionSource<ApiResponse>();
                var call = SendOrder.Run(steps, new PendingSender(pending.Task), new SendContext(Get(), NullLogSink.Instance, CancellationToken.None));
                pending.SetResult(answer);
                Assert.Equal(204, call.GetAwaiter().GetResult().StatusCode);
            }
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Calls(20);
        return Calls(200) / 200;
    }

    /// <summary>A terminal sender that answers every call with one task the test completes.</summary>
    private sealed class PendingSender : ITerminalSender
    {
        private readonly Task<ApiResponse> _answer;

        public PendingSender(Task<ApiResponse> answer) => _answer = answer;

        public Task<ApiResponse> SendAsync(SendContext context) => _answer;
    }
}
