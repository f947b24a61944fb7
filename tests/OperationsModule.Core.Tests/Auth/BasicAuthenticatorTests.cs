using System.Net.Http;
using OperationsModule.Core.Auth;
using OperationsModule.Core.Secrets;
using Xunit;

namespace OperationsModule.Core.Tests.Auth
{
    /// <summary>Basic authentication: the header is encoded once per credential, and the password still joins every exchange's scope.</summary>
    public sealed class BasicAuthenticatorTests
    {
        private static string Authorization(HttpRequestMessage request) => request.Headers.NonValidated["Authorization"].ToString();

        [Fact]
        public void The_header_is_encoded_once_and_sent_on_every_request()
        {
            var basic = new BasicAuthenticator(new SecretCredential("admin", SecretText.FromClearText("pa:ss wörd")));
            using var first = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/");
            using var second = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/");

            basic.Apply(first, null);
            basic.Apply(second, null);

            Assert.Equal("Basic YWRtaW46cGE6c3Mgd8O2cmQ=", Authorization(first));
            Assert.Same(Authorization(first), Authorization(second));
        }

        [Fact]
        public void Every_exchange_that_sends_the_header_masks_the_password_and_the_header_when_quoted()
        {
            var basic = new BasicAuthenticator(new SecretCredential("admin", SecretText.FromClearText("pa:ss wörd")));
            using (var warm = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/")) basic.Apply(warm, null);

            SecretSet? scope;
            using (SecretScope.Enter())
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/");
                basic.Apply(request, null);
                scope = SecretScope.Current;
            }

            Assert.Equal("user admin, password ***, header ***, credential ***",
                scope!.Apply("user admin, password pa:ss wörd, header Basic YWRtaW46cGE6c3Mgd8O2cmQ=, credential YWRtaW46cGE6c3Mgd8O2cmQ="));
        }
    }
}
