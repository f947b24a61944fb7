using System;
using System.Net.Http;
using OperationsModule.Core.Http;
using Xunit;

namespace OperationsModule.Core.Tests.Http
{
    /// <summary>The one way the module puts a header on a request: names must be tokens, values printable ASCII.</summary>
    public sealed class HeaderValuesTests
    {
        [Theory]
        [InlineData("")]
        [InlineData("X Custom")]
        [InlineData("X:Custom")]
        [InlineData("X/Custom")]
        [InlineData("X{Custom}")]
        [InlineData("X-Cüstom")]
        [InlineData("X-Custom\r")]
        [InlineData("X\u007F")]
        public void A_name_that_is_not_a_token_is_refused_and_nothing_is_written(string name)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/");

            var refused = Assert.Throws<InvalidOperationException>(() => HeaderValues.Write(request, name, "value", HeaderOrigin.Module));

            Assert.Contains("is not a header name", refused.Message);
            Assert.Empty(request.Headers);
        }

        [Theory]
        [InlineData("X-Custom_1.a~")]
        [InlineData("!#$%&'*+-.^_`|~")]
        [InlineData("Authorization")]
        public void A_token_name_is_written_with_its_value(string name)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/");

            HeaderValues.Write(request, name, "the value", HeaderOrigin.Module);

            Assert.Equal("the value", request.Headers.NonValidated[name].ToString());
        }

        [Fact]
        public void A_value_with_a_control_character_is_refused_naming_it_without_echoing_the_value()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/");

            var refused = Assert.ThrowsAny<Exception>(() => HeaderValues.Write(request, "X-Custom", "secret\r\nInjected: 1", HeaderOrigin.Module));

            Assert.Contains("U+000D (CR)", refused.Message);
            Assert.DoesNotContain("secret", refused.Message);
            Assert.False(request.Headers.Contains("X-Custom"));
        }
    }
}
