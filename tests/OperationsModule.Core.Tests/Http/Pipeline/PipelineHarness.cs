using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Auth;
using OperationsModule.Core.Http;
using OperationsModule.Core.Http.Pipeline;
using OperationsModule.Core.Systems.Vcf;
using OperationsModule.Core.Tests.Infrastructure;

namespace OperationsModule.Core.Tests.Http.Pipeline;

/// <summary>A transport whose wire is a <see cref="ScriptedSender"/> on a virtual clock; retries wait in virtual time only.</summary>
internal sealed class PipelineHarness
{
    public static readonly Uri Server = new Uri("https://sddc.example.test/");

    public PipelineHarness(IAuthenticator? authenticator = null, Action<HttpOptions>? configure = null)
    {
        Options = new HttpOptions { RetryInterval = TimeSpan.FromSeconds(1), MaximumRetryCount = 3 };
        configure?.Invoke(Options);
        Sender = new ScriptedSender();
        Transport = new SendPipeline(Options, authenticator ?? NoAuthenticator.Instance, Sender, jitter: () => 0.5);
        Transport.Throttle.Clock = Sender.Clock;
    }

    public HttpOptions Options { get; }

    public ScriptedSender Sender { get; }

    public SendPipeline Transport { get; }

    public RecordingOutput Log { get; } = new RecordingOutput { IsDebugEnabled = false };

    public Task<ApiResponse> GetAsync(string path) => SendAsync(new ApiRequest(HttpMethod.Get, new Uri(Server, path)));

    public Task<ApiResponse> SendAsync(ApiRequest request) => Transport.SendAsync(request, Log, CancellationToken.None);

    public static VcfTokenAuthenticator Vcf() => new VcfTokenAuthenticator(Server, Connections.Credential("admin@local", "pw-secret"));

    /// <summary>A VCF token pair answer.</summary>
    public static string TokenPair(string access, string refresh) => $"{{\"accessToken\":\"{access}\",\"refreshToken\":{{\"id\":\"{refresh}\"}}}}";
}
