using System;
using System.Text;
using System.Threading.Tasks;
using OperationsModule.Core.Secrets;
using Xunit;

namespace OperationsModule.Core.Tests.Secrets
{
    /// <summary>The one masking step: each form a server can quote a secret in, and the scope that collects them.</summary>
    public sealed class SecretSetTests
    {
        private static string Masked(string secret, string text)
        {
            var set = new SecretSet();
            set.Add(secret);
            return set.Apply(text);
        }

        [Theory]
        [InlineData("p\"ss/wörd\\x", "{\"message\":\"bad body {\\\"password\\\":\\\"p\\\\\\\"ss/wörd\\\\\\\\x\\\"}\"}", "{\"message\":\"bad body {\\\"password\\\":\\\"***\\\"}\"}")] // Jackson quoting our body: escaped twice
        [InlineData("p\"ss/wörd\\x", "password p\\u0022ss/w\\u00F6rd\\\\x", "password ***")]              // System.Text.Json's escaping, as the module sent it
        [InlineData("p\"ss/wörd\\x", "password p\\\\u0022ss/w\\\\u00f6rd\\\\\\\\x", "password ***")]    // that, quoted again, lower-case hex
        [InlineData("p\"ss/wörd\\x", "password p\\\"ss\\/wörd\\\\x", "password ***")]                      // a Java writer that escapes '/'
        [InlineData("a b+c/d&e", "client_secret=a+b%2Bc%2Fd%26e&grant_type=x", "client_secret=***&grant_type=x")] // form-encoded
        [InlineData("a b+c/d&e", "secret a%20b%2Bc%2Fd%26e", "secret ***")]                                       // URL-encoded
        [InlineData("token-123", "dG9rZW4tMTIz", "***")]                                                          // Base64
        [InlineData("Token-ABC", "the token TOKEN-abc is expired", "the token *** is expired")]                   // any case
        public void Every_form_a_server_quotes_a_secret_in_is_masked(string secret, string text, string expected) =>
            Assert.Equal(expected, Masked(secret, text));

        [Fact]
        public void A_header_value_is_masked_whole_and_after_its_scheme()
        {
            var set = new SecretSet();
            set.AddHeaderValue("Basic dXNlcjpwYXNzd29yZA==");

            Assert.Equal("sent *** and ***", set.Apply("sent Basic dXNlcjpwYXNzd29yZA== and dXNlcjpwYXNzd29yZA=="));
        }

        [Fact]
        public void A_concealed_secret_is_masked_in_every_form_as_a_clear_one_is()
        {
            var set = new SecretSet();
            set.Add(SecretText.FromClearText("token-123"));

            Assert.False(set.IsEmpty);
            Assert.Equal("*** and *** and ***", set.Apply("token-123 and dG9rZW4tMTIz and TOKEN-123"));
        }

        [Fact]
        public void A_secret_added_after_a_masking_is_masked_from_then_on()
        {
            var set = new SecretSet();
            set.Add(SecretText.FromClearText("first-secret"));
            Assert.Equal("*** second-secret", set.Apply("first-secret second-secret"));

            set.Add(SecretText.FromClearText("second-secret"));
            set.AddHeaderValue("Bearer third-secret");

            Assert.Equal("*** *** ***", set.Apply("first-secret second-secret third-secret"));
        }

        [Fact]
        public void A_header_value_made_of_a_secret_is_made_once_and_joins_the_scope()
        {
            var token = SecretText.FromClearText("issued-token");
            SecretSet? scope = null;
            string first, second;
            using (SecretScope.Enter())
            {
                first = token.HeaderValue("Bearer ");
                second = token.HeaderValue("Bearer ");
                scope = SecretScope.Current;
            }

            Assert.Equal("Bearer issued-token", first);
            Assert.Same(first, second);
            Assert.Equal("***", scope!.Apply("issued-token"));
            Assert.Equal("issued-token", token.HeaderValue(string.Empty));
        }

        [Theory]
        [InlineData("ab", "token 'ab' refused; tabs and labels stay", "token '***' refused; tabs and labels stay")]
        [InlineData("abc", "abc", "***")]
        [InlineData("abcd", "xabcdx", "x***x")]
        public void A_short_secret_is_masked_only_where_it_stands_alone(string secret, string text, string expected) =>
            Assert.Equal(expected, Masked(secret, text));

        [Fact]
        public void Nothing_is_masked_by_an_empty_set_or_an_empty_secret()
        {
            var set = new SecretSet();
            set.Add("");
            set.Add("   ");

            Assert.True(set.IsEmpty);
            Assert.Equal("plain text", set.Apply("plain text"));
        }

        [Fact]
        public async Task A_scope_is_shared_by_what_runs_inside_it_and_ends_with_it()
        {
            SecretSet? inner = null;
            using (SecretScope.Enter())
            {
                var outer = SecretScope.Current;
                await Task.Run(() =>
                {
                    using (SecretScope.Enter()) // a login inside the call joins its scope
                    {
                        inner = SecretScope.Current;
                        SecretText.FromClearText("issued-token-1");
                    }
                });
                Assert.Same(outer, inner);
                Assert.Equal("*** expired", SecretScope.Apply("issued-token-1 expired"));
            }
            Assert.Null(SecretScope.Current);
            Assert.Equal("issued-token-1 expired", SecretScope.Apply("issued-token-1 expired"));
        }
    }
}
