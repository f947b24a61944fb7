using System;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Security.Authentication;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Http;
using OperationsModule.Core.Http.Runtime;
using OperationsModule.Core.Secrets;
using Xunit;
using OperationsModule.Core.Tests.Infrastructure;

namespace OperationsModule.Core.Tests.Http.Runtime
{
    /// <summary>The .NET Framework answers of the handler-settings seam, decided and applied on .NET 10.</summary>
    public sealed class HandlerSettingsTests
    {
        private const SslProtocols Tls13 = (SslProtocols)12288;

        [Fact]
        public void On_472_TLS_1_2_alone_because_its_handler_throws_for_the_TLS_1_3_value()
        {
            var settings = HandlerSettings.For(new HttpOptions(), RuntimeDescription.NetFramework472);
            Assert.Equal(SslProtocols.Tls12, settings.SslProtocols);
        }

        [Fact]
        public void On_48_TLS_1_2_and_1_3()
        {
            var settings = HandlerSettings.For(new HttpOptions(), RuntimeDescription.NetFramework48);
            Assert.Equal(SslProtocols.Tls12 | Tls13, settings.SslProtocols);
        }

        [Fact]
        public void A_framework_process_that_already_leaves_TLS_to_the_OS_keeps_the_OS_choice()
        {
            var settings = HandlerSettings.For(new HttpOptions(), new RuntimeDescription(isNetFramework: true, acceptsTls13: false, processProtocolsAreSystemDefault: true));
            Assert.Null(settings.SslProtocols);
        }

        [Fact]
        public void On_NET_every_runtime_default_stays()
        {
            var settings = HandlerSettings.For(new HttpOptions(), RuntimeDescription.NetCore);
            Assert.Null(settings.SslProtocols);
            Assert.Null(settings.MaxConnectionsPerServer);
            Assert.Equal(CertificateValidation.RuntimeDefault, settings.CertificateValidation);
            Assert.False(settings.SuppressExpectContinue);
            Assert.Equal(RuntimeDescription.NetCore, RuntimeDescription.Current);
        }

        [Fact]
        public void On_framework_the_connection_limit_covers_the_highest_ThrottleLimit_instead_of_the_process_default_of_2()
        {
            var settings = HandlerSettings.For(new HttpOptions(), RuntimeDescription.NetFramework472);
            Assert.True(settings.MaxConnectionsPerServer >= HandlerSettings.MaximumThrottleLimit);
            using var handler = HttpClientFactory.CreateClientHandler(settings);
            Assert.Equal(HandlerSettings.MaximumThrottleLimit, handler.MaxConnectionsPerServer);
        }

        [Fact]
        public void On_framework_the_module_always_validates_certificates_itself()
        {
            var settings = HandlerSettings.For(new HttpOptions(), RuntimeDescription.NetFramework472);
            Assert.Equal(CertificateValidation.ModuleCallback, settings.CertificateValidation);
            using var handler = HttpClientFactory.CreateClientHandler(settings);
            // With a callback of its own the handler never consults ServicePointManager's process-wide callback.
            var callback = handler.ServerCertificateCustomValidationCallback;
            Assert.NotNull(callback);
            Assert.True(callback!(new HttpRequestMessage(), null, null, SslPolicyErrors.None));
            Assert.False(callback(new HttpRequestMessage(), null, null, SslPolicyErrors.RemoteCertificateChainErrors));
            Assert.False(callback(new HttpRequestMessage(), null, null, SslPolicyErrors.RemoteCertificateNameMismatch));
        }

        [Fact]
        public void SkipCertificateCheck_accepts_any_certificate_on_every_runtime()
        {
            foreach (var runtime in new[] { RuntimeDescription.NetCore, RuntimeDescription.NetFramework472 })
            {
                var settings = HandlerSettings.For(new HttpOptions { SkipCertificateCheck = true }, runtime);
                Assert.Equal(CertificateValidation.AcceptAny, settings.CertificateValidation);
                using var handler = HttpClientFactory.CreateClientHandler(settings);
                Assert.True(handler.ServerCertificateCustomValidationCallback!(new HttpRequestMessage(), null, null, SslPolicyErrors.RemoteCertificateChainErrors));
            }
        }

        [Fact]
        public void Settings_are_a_value_equal_options_share_a_client_and_another_proxy_credential_does_not()
        {
            var credential = new SecretCredential("proxyuser", SecretText.FromClearText("ProxyP4ss"));
            var options = new HttpOptions { Proxy = new Uri("http://proxy.example:3128"), ProxyCredential = credential };
            var copy = options.Clone();
            copy.Timeout = TimeSpan.FromSeconds(5);
            Assert.Equal(HandlerSettings.For(options, RuntimeDescription.NetFramework48), HandlerSettings.For(copy, RuntimeDescription.NetFramework48));
            copy.ProxyCredential = new SecretCredential("proxyuser", SecretText.FromClearText("other"));
            Assert.NotEqual(HandlerSettings.For(options, RuntimeDescription.NetFramework48), HandlerSettings.For(copy, RuntimeDescription.NetFramework48));
            Assert.NotEqual(HandlerSettings.For(options, RuntimeDescription.NetCore), HandlerSettings.For(options, RuntimeDescription.NetFramework48));
            Assert.DoesNotContain("ProxyP4ss", HandlerSettings.For(options, RuntimeDescription.NetCore).ToString());
        }

        [Fact]
        public void The_framework_handler_is_built_without_an_exception_for_http_and_https()
        {
            foreach (var runtime in new[] { RuntimeDescription.NetFramework472, RuntimeDescription.NetFramework48, RuntimeDescription.NetCore })
            {
                using var invoker = HttpClientFactory.CreateInvoker(HandlerSettings.For(new HttpOptions(), runtime));
                Assert.NotNull(invoker);
            }
        }

        [Fact]
        public async Task The_framework_settings_send_a_body_without_Expect_100_continue_on_the_wire()
        {
            // The listener answers only once the declared body arrived: a client waiting for "100 Continue" would stall.
            await using var server = new RawHttpListener(_ => RawHttpListener.Answer(200));
            using var invoker = HttpClientFactory.CreateInvoker(HandlerSettings.For(new HttpOptions(), RuntimeDescription.NetFramework472));
            using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseUri, "v1/things")) { Content = new StringContent("{\"a\":1}", Encoding.UTF8, "application/json") };
            using var response = await invoker.SendAsync(message, CancellationToken.None);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // .NET Framework's handler turns the service point's Expect100Continue off only for an explicit false.
            Assert.False(message.Headers.ExpectContinue);
            var request = Assert.Single(server.Requests);
            Assert.Equal("POST /v1/things HTTP/1.1", request.RequestLine);
            Assert.DoesNotContain("Expect:", server.Wire, StringComparison.OrdinalIgnoreCase);
            Assert.Equal("{\"a\":1}", request.Body);
        }
    }
}
