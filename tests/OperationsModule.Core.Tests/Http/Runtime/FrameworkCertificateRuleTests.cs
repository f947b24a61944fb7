using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Auth;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Http.Runtime;
using OperationsModule.Core.Output;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.Core.Tests.Http.Runtime
{
    /// <summary>
    /// The .NET Framework handler settings (the module's own certificate callback) over real TLS on loopback: the
    /// simulator's self-signed certificate is refused unless -SkipCertificateCheck, whatever the process-wide hook says.
    /// </summary>
    public sealed class FrameworkCertificateRuleTests
    {
        private static async Task<ApiResponse> GetAsync(SimulatorServer sim, HttpOptions options)
        {
            var settings = HandlerSettings.For(options, RuntimeDescription.NetFramework472);
            using var transport = new SendPipeline(options, NoAuthenticator.Instance, HttpClientFactory.CreateInvoker(settings));
            return await transport.SendAsync(new ApiRequest(HttpMethod.Get, new Uri(sim.BaseUri, "v1/tasks/t-1")), NullLogSink.Instance, CancellationToken.None);
        }

        [Fact]
        public async Task The_module_callback_refuses_a_self_signed_server()
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Https = true });
#pragma warning disable SYSLIB0014 // what Windows PowerShell 5.1 scripts do; the module's own callback must win over it
            var previous = System.Net.ServicePointManager.ServerCertificateValidationCallback;
            System.Net.ServicePointManager.ServerCertificateValidationCallback = (_, _, _, _) => true;
            try
            {
                var error = await Assert.ThrowsAsync<OperationsApiException>(() => GetAsync(sim, new HttpOptions { MaximumRetryCount = 0 }));
                Assert.Equal(ErrorIds.CertificateRejected, error.ErrorId);
                Assert.Equal(0, sim.Journal.Count);
            }
            finally
            {
                System.Net.ServicePointManager.ServerCertificateValidationCallback = previous;
            }
#pragma warning restore SYSLIB0014
        }

        [Fact]
        public async Task SkipCertificateCheck_reaches_the_self_signed_server()
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Https = true });
            var response = await GetAsync(sim, new HttpOptions { MaximumRetryCount = 0, SkipCertificateCheck = true });
            Assert.True(response.StatusCode > 0);
            Assert.Equal(1, sim.Journal.Count);
        }
    }
}
