using System;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Auth;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Models;
using OperationsModule.Core.Output;
using OperationsModule.Core.Secrets;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Validation;
using Xunit;
using OperationsModule.Core.Tests.Infrastructure;

namespace OperationsModule.Core.Tests.Http.Runtime
{
    /// <summary>-Proxy, -ProxyCredential and -ProxyUseDefaultCredentials as Invoke-RestMethod has them, so scripts behind a proxy carry over.</summary>
    public sealed class ProxyTests
    {
        private const string Password = "ProxyP4ss";
        private static SecretCredential Credential() => new SecretCredential("proxyuser", SecretText.FromClearText(Password));

        [Fact]
        public async Task A_proxy_that_answers_407_gets_the_credential_and_the_request_goes_through()
        {
            var expected = "Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes("proxyuser:" + Password));
            await using var proxy = new RawHttpListener(request =>
                request.Header("Proxy-Authorization") == expected
                    ? RawHttpListener.Answer(200, "{\"through\":true}", "application/json")
                    : RawHttpListener.Answer(407, string.Empty, "text/plain", "Proxy-Authenticate: Basic realm=\"corp\""));
            var options = new HttpOptions { Proxy = proxy.BaseUri, ProxyCredential = Credential(), MaximumRetryCount = 0 };
            using var transport = new SendPipeline(options, NoAuthenticator.Instance);

            var response = await transport.SendAsync(new ApiRequest(HttpMethod.Get, new Uri("http://server.invalid:9340/v1/status")), NullLogSink.Instance, CancellationToken.None);

            Assert.Equal(200, response.StatusCode);
            Assert.Equal("{\"through\":true}", response.Body);
            var first = Assert.Single(proxy.Requests, r => r.Header("Proxy-Authorization") is null);
            Assert.Equal("GET http://server.invalid:9340/v1/status HTTP/1.1", first.RequestLine);
            Assert.Contains(proxy.Requests, r => r.Header("Proxy-Authorization") == expected);
        }

        [Fact]
        public async Task Without_a_credential_a_407_is_a_ConnectionFailed_naming_the_proxy_and_asking_for_ProxyCredential()
        {
            await using var proxy = new RawHttpListener(_ => RawHttpListener.Answer(407, string.Empty, "text/plain", "Proxy-Authenticate: Basic realm=\"corp\""));
            using var transport = new SendPipeline(new HttpOptions { Proxy = proxy.BaseUri, MaximumRetryCount = 0 }, NoAuthenticator.Instance);

            var error = await Assert.ThrowsAsync<OperationsApiException>(() => transport.SendAsync(new ApiRequest(HttpMethod.Get, new Uri("http://server.invalid/v1/tasks/t1")), NullLogSink.Instance, CancellationToken.None));

            Assert.Equal((ErrorIds.ConnectionFailed, ErrorCategoryName.ConnectionError, 407), (error.ErrorId, error.Category, error.StatusCode));
            Assert.Equal($"GET http://server.invalid/v1/tasks/t1 failed: the proxy {proxy.BaseUri} refused the request: 407 (ProxyAuthenticationRequired); it asks for authentication.", error.Message);
            Assert.Contains("-ProxyCredential", error.RecommendedAction);
            Assert.Single(proxy.Requests);
        }

        [Fact]
        public async Task A_407_despite_the_credential_says_the_proxy_refused_it_and_never_shows_it()
        {
            await using var proxy = new RawHttpListener(_ => RawHttpListener.Answer(407, string.Empty, "text/plain", "Proxy-Authenticate: Basic realm=\"corp\""));
            using var transport = new SendPipeline(new HttpOptions { Proxy = proxy.BaseUri, ProxyCredential = Credential(), MaximumRetryCount = 0 }, NoAuthenticator.Instance);

            var error = await Assert.ThrowsAsync<OperationsApiException>(() => transport.SendAsync(new ApiRequest(HttpMethod.Get, new Uri("http://server.invalid/")), NullLogSink.Instance, CancellationToken.None));

            Assert.Equal(ErrorIds.ConnectionFailed, error.ErrorId);
            Assert.Contains("the proxy " + proxy.BaseUri + " refused the request", error.Message);
            Assert.Contains("did not accept the proxy credential", error.Message);
            Assert.StartsWith("The proxy did not accept -ProxyCredential", error.RecommendedAction);
            Assert.Contains(proxy.Requests, r => r.Header("Proxy-Authorization") is not null);
            var shown = error.Message + error.RecommendedAction + error;
            Assert.DoesNotContain(Password, shown);
            Assert.DoesNotContain(Convert.ToBase64String(Encoding.ASCII.GetBytes("proxyuser:" + Password)), shown);
        }

        [Fact]
        public async Task A_proxy_that_cannot_be_reached_is_named_rather_than_the_server()
        {
            var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            closed.Start();
            var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
            closed.Stop();
            var proxyUri = new Uri($"http://127.0.0.1:{port}/");
            using var transport = new SendPipeline(new HttpOptions { Proxy = proxyUri, MaximumRetryCount = 0 }, NoAuthenticator.Instance);

            var error = await Assert.ThrowsAsync<OperationsApiException>(() => transport.SendAsync(new ApiRequest(HttpMethod.Delete, new Uri("https://sddc.example.com/v1/tasks/t1")), NullLogSink.Instance, CancellationToken.None));

            Assert.Equal((ErrorIds.ConnectionFailed, ErrorCategoryName.ConnectionError), (error.ErrorId, error.Category));
            Assert.StartsWith($"DELETE https://sddc.example.com/v1/tasks/t1 failed: could not reach the proxy http://127.0.0.1:{port}/ (", error.Message);
            Assert.StartsWith("Check -Proxy", error.RecommendedAction);
        }

        [Theory]
        [InlineData(502, "502 (BadGateway)", "could not reach sddc.example.com:443")]
        [InlineData(407, "407 (ProxyAuthenticationRequired)", "-ProxyCredential")]
        [InlineData(403, "403 (Forbidden)", "ask its administrators")]
        public async Task A_tunnel_the_proxy_will_not_open_names_the_proxy_and_its_answer(int status, string described, string advice)
        {
            await using var proxy = new RawHttpListener(_ => RawHttpListener.Answer(status, string.Empty, "text/plain", status == 407 ? new[] { "Proxy-Authenticate: Basic realm=\"corp\"" } : Array.Empty<string>()));
            using var transport = new SendPipeline(new HttpOptions { Proxy = proxy.BaseUri, MaximumRetryCount = 0 }, NoAuthenticator.Instance);

            var error = await Assert.ThrowsAsync<OperationsApiException>(() => transport.SendAsync(new ApiRequest(HttpMethod.Delete, new Uri("https://sddc.example.com/v1/tasks/t1")), NullLogSink.Instance, CancellationToken.None));

            Assert.Equal("CONNECT sddc.example.com:443 HTTP/1.1", Assert.Single(proxy.Requests).RequestLine);
            Assert.Equal((ErrorIds.ConnectionFailed, ErrorCategoryName.ConnectionError, status), (error.ErrorId, error.Category, error.StatusCode));
            Assert.Equal($"DELETE https://sddc.example.com/v1/tasks/t1 failed: the proxy {proxy.BaseUri} refused to open a tunnel to sddc.example.com:443: {described}.", error.Message);
            Assert.Contains(advice, error.RecommendedAction);
        }

        [Fact]
        public async Task A_gateway_page_through_the_proxy_says_the_proxy_may_be_answering()
        {
            await using var proxy = new RawHttpListener(_ => RawHttpListener.Answer(502, "<html><body>Bad gateway</body></html>", "text/html"));
            using var transport = new SendPipeline(new HttpOptions { Proxy = proxy.BaseUri, MaximumRetryCount = 0 }, NoAuthenticator.Instance);
            var request = new ApiRequest(HttpMethod.Post, new Uri("http://olc.example:9340/rest/serverengine/workflow/outputcreation/cancel/op-1"));

            var response = await transport.SendAsync(request, NullLogSink.Instance, CancellationToken.None);
            var error = FailureBuilder.FromResponse(request, response, Core.Systems.OLConnect.OlConnectErrorParser.Instance, "Cancelling OL Connect operation 'op-1' failed");

            Assert.Equal(ErrorIds.ServerError, error.ErrorId);
            Assert.EndsWith($"(through the proxy {proxy.BaseUri}: a proxy answers this when it cannot reach the server)", error.Message);
        }

        [Theory]
        [InlineData("http://proxyuser:ProxyP4ss@proxy.example:3128")]
        [InlineData("http://proxyuser@proxy.example:3128")]
        public void User_information_in_the_proxy_address_is_refused_without_echoing_it(string address)
        {
            var error = Assert.Throws<InputValidationException>(() => ProxyValidator.Validate(new Uri(address), null, false));
            Assert.Equal("Proxy", error.ParameterName);
            Assert.Equal(ErrorIds.InvalidParameter, error.ErrorId);
            Assert.Contains("-ProxyCredential", error.Message);
            Assert.DoesNotContain(Password, error.Message);
            Assert.DoesNotContain("proxyuser", error.Message);
        }

        [Theory]
        [InlineData("ftp://proxy.example:21")]
        [InlineData("socks5://proxy.example:1080")]
        [InlineData("file:///tmp/proxy")]
        public void Only_http_and_https_proxies_are_taken(string address)
        {
            var error = Assert.Throws<InputValidationException>(() => ProxyValidator.Validate(new Uri(address), null, false));
            Assert.Equal("Proxy", error.ParameterName);
        }

        [Fact]
        public void Proxy_credentials_need_a_proxy_and_exclude_each_other()
        {
            Assert.Equal("ProxyCredential", Assert.Throws<InputValidationException>(() => ProxyValidator.Validate(null, Credential(), false)).ParameterName);
            Assert.Equal("ProxyUseDefaultCredentials", Assert.Throws<InputValidationException>(() => ProxyValidator.Validate(null, null, true)).ParameterName);
            Assert.Equal("ProxyCredential", Assert.Throws<InputValidationException>(() => ProxyValidator.Validate(new Uri("http://proxy.example:3128"), Credential(), true)).ParameterName);
            ProxyValidator.Validate(new Uri("https://proxy.example:3128"), Credential(), false);
            ProxyValidator.Validate(new Uri("http://proxy.example:3128"), null, true);
        }

        [Fact]
        public void A_session_with_a_proxy_credential_shows_no_secret_anywhere()
        {
            var request = new ConnectionRequest(OperationsSystem.Onedata)
            {
                BaseUri = "https://onedata.example/",
                Token = SecretText.FromClearText("tok"),
                Proxy = new Uri("http://proxy.example:3128"),
                ProxyCredential = Credential(),
            };
            using var session = SessionResolver.CreateSession(request, persistent: true);

            Assert.Equal(new Uri("http://proxy.example:3128"), session.Proxy);
            var json = JsonSerializer.Serialize(session);
            Assert.DoesNotContain(Password, json);
            Assert.DoesNotContain(Password, session.ToString());
            Assert.Same(request.ProxyCredential, session.Options.ProxyCredential);
        }

        [Fact]
        public void A_proxy_with_user_information_is_refused_before_a_session_exists()
        {
            var request = new ConnectionRequest(OperationsSystem.Onedata)
            {
                BaseUri = "https://onedata.example/",
                Token = SecretText.FromClearText("tok"),
                Proxy = new Uri("http://proxyuser:" + Password + "@proxy.example:3128"),
            };
            var error = Assert.Throws<InputValidationException>(() => SessionResolver.CreateSession(request, persistent: true));
            Assert.Equal("Proxy", error.ParameterName);
            Assert.DoesNotContain(Password, error.Message);
        }
    }
}
