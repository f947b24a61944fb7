using System;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Auth;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.BigChange;
using OperationsModule.Core.Systems.OLConnect;
using OperationsModule.Core.Tests.Infrastructure;
using Xunit;
using static OperationsModule.Core.Tests.Security.SecurityHarness;

namespace OperationsModule.Core.Tests.Security
{
    /// <summary>
    /// A server whose answers are wrong on purpose, as a proxy, a misconfigured server or an attacker may answer: token bodies under unexpected statuses,
    /// numbers no clock can hold, identifiers that are path steps. Each ends in one clear failure or a working call.
    /// </summary>
    public sealed class HostileAnswerTests
    {
        private const string TokenText = "oltok-SECRET-201-body";
        private const string AccessToken = "eyJhbGciOiJIUzI1NiJ9.SECRET-access.sig";
        private const string RefreshId = "SECRET-refresh-id";

        private static OperationsApiException ConnectFails(OperationsSystem system, RawHttpListener server, string user = "admin")
        {
            var request = Connections.PerCall(system, server.BaseUri, credential: Connections.Credential(user, "pw"));
            if (system == OperationsSystem.BigChange) request.CustomerId = 4242;
            return Assert.ThrowsAny<OperationsApiException>(() => ConnectCommand.Connect(request, new ConnectOptions(), new SessionStore(), new RecordingOutput(), CancellationToken.None));
        }

        private static void AssertNoSecret(OperationsApiException failure, params string[] secrets)
        {
            var details = new Failure(failure, null).DetailsMessage;
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, failure.Message);
                Assert.DoesNotContain(secret, details);
                Assert.DoesNotContain(secret, failure.RawBody ?? string.Empty);
                Assert.DoesNotContain(secret, failure.VendorError?.Message ?? string.Empty);
                Assert.DoesNotContain(secret, failure.ToString());
            }
            Assert.Null(failure.RawBody);
        }

        [Fact]
        public async Task An_OL_Connect_login_answering_201_with_the_token_says_status_and_shape_only()
        {
            await using var server = new RawHttpListener(_ => RawHttpListener.Answer(201, TokenText));

            var failure = ConnectFails(OperationsSystem.OLConnect, server);

            AssertNoSecret(failure, TokenText, "SECRET");
            Assert.Equal(201, failure.StatusCode);
            Assert.Contains("201", failure.Message);
            Assert.Contains($"text of {TokenText.Length} characters", failure.Message);
        }

        [Fact]
        public async Task A_VCF_token_call_answering_202_with_a_TokenPair_says_status_and_shape_only()
        {
            var pair = JsonSerializer.Serialize(new { accessToken = AccessToken, refreshToken = new { id = RefreshId } });
            await using var server = new RawHttpListener(_ => RawHttpListener.Answer(202, pair, "application/json"));

            var failure = ConnectFails(OperationsSystem.Vcf, server, "admin@local");

            AssertNoSecret(failure, AccessToken, RefreshId, "SECRET");
            Assert.Equal(202, failure.StatusCode);
            Assert.Contains("a JSON object with 2 fields", failure.Message);
        }

        /// <summary>A login redirected elsewhere is refused; the redirect's body (which may echo the login) stays out of the record.</summary>
        [Fact]
        public async Task A_login_redirected_to_another_host_keeps_the_redirects_body_out_of_the_record()
        {
            var echo = JsonSerializer.Serialize(new { accessToken = AccessToken });
            await using var server = new RawHttpListener(_ => RawHttpListener.Answer(307, echo, "application/json", "Location: https://elsewhere.example/v1/tokens"));

            var failure = ConnectFails(OperationsSystem.Vcf, server, "admin@local");

            Assert.Equal(ErrorIds.UnexpectedRedirect, failure.ErrorId);
            AssertNoSecret(failure, AccessToken, "SECRET");
        }

        /// <summary>An error status on a token call keeps the vendor's parsed words, but never the raw body.</summary>
        [Fact]
        public async Task A_token_call_refused_with_an_unparsed_body_shows_its_shape_not_its_text()
        {
            await using var server = new RawHttpListener(_ => RawHttpListener.Answer(400, "client_secret=SECRET-echoed&x=1"));

            var failure = ConnectFails(OperationsSystem.BigChange, server, "client-1");

            AssertNoSecret(failure, "SECRET");
            Assert.Equal(400, failure.StatusCode);
            Assert.Contains("text of 31 characters", new Failure(failure, null).DetailsMessage);
        }

        [Fact]
        public async Task A_token_call_refused_in_the_vendors_error_format_keeps_the_vendors_words()
        {
            var error = JsonSerializer.Serialize(new { errorCode = "LOGIN_FAILED", message = "Invalid username or password" });
            await using var server = new RawHttpListener(_ => RawHttpListener.Answer(401, error, "application/json"));

            var failure = ConnectFails(OperationsSystem.Vcf, server, "admin@local");

            Assert.Equal(ErrorIds.Unauthorized, failure.ErrorId);
            Assert.Contains("Invalid username or password", new Failure(failure, null).DetailsMessage);
            Assert.Null(failure.RawBody);
        }

        /// <summary>Each would have made DateTimeOffset arithmetic throw (ArgumentOutOfRangeException) on every command.</summary>
        [Theory]
        [InlineData("99999999999999")]
        [InlineData("9223372036854775807")]
        [InlineData("-5")]
        [InlineData("0")]
        [InlineData("99999999999999999999999999")]
        [InlineData("soon")]
        public async Task OL_Connect_Token_Expires_In_of_any_size_keeps_the_session_working(string expiresIn)
        {
            var logins = 0;
            await using var server = new RawHttpListener(r =>
            {
                if (!r.Path.EndsWith("/authentication/login", StringComparison.Ordinal)) return RawHttpListener.Answer(204);
                Interlocked.Increment(ref logins);
                return LoginAnswers.OlConnect("oltok-1", "Token-Expires-In: " + expiresIn);
            });
            var store = new SessionStore();
            ConnectCommand.Connect(Connections.PerCall(OperationsSystem.OLConnect, server.BaseUri, credential: Connections.Credential("admin", "pw")), new ConnectOptions { SkipVerification = true }, store, new RecordingOutput(), CancellationToken.None);

            var output = RunStop(new ConnectionRequest(OperationsSystem.OLConnect), store, new[] { "5001", "5002", "5003" });

            Assert.Empty(output.Failures);
            Assert.Equal(3, output.Objects.Count);
            Assert.Equal(1, logins);
        }

        [Theory]
        [InlineData(long.MaxValue)]
        [InlineData(-3600L)]
        public async Task BigChange_expires_in_of_any_size_keeps_the_session_working(long expiresIn)
        {
            await using var server = new RawHttpListener(r => r.Path.EndsWith("/auth/tokens", StringComparison.Ordinal)
                ? LoginAnswers.BigChange("bc-1", expiresIn)
                : RawHttpListener.Answer(204));
            var request = Connections.PerCall(OperationsSystem.BigChange, server.BaseUri, credential: Connections.Credential("client-1", "secret"));

            var output = new RecordingOutput();
            RunStop(JobCancelEndpoint.Instance, request, new SessionStore(), "7", new CancelArguments { CustomerId = 1, Reason = "Rescheduled" }, output);

            Assert.Empty(output.Failures);
            Assert.Single(output.Objects);
            Assert.Equal("Bearer bc-1", server.Requests.Last().Header("Authorization"));
        }

        [Fact]
        public void Stated_lifetimes_are_clamped_to_a_day_and_nonsense_means_unknown()
        {
            var now = new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero);
            Assert.Equal(now.AddDays(1), TokenLifetime.FromSeconds(long.MaxValue, now));
            Assert.Equal(now.AddSeconds(3600), TokenLifetime.FromSeconds(3600, now));
            Assert.Null(TokenLifetime.FromSeconds(-1, now));
            Assert.Null(TokenLifetime.FromSeconds(0, now));
            Assert.Null(TokenLifetime.FromSeconds(null, now));
            Assert.Equal(now.AddDays(1), TokenLifetime.FromInstant(DateTimeOffset.MaxValue, now));
            Assert.Equal(now.AddHours(1), TokenLifetime.FromInstant(now.AddHours(1), now));
            Assert.Null(TokenLifetime.FromInstant(now.AddSeconds(-1), now));
        }

        [Theory]
        [InlineData("..")]
        [InlineData(".")]
        [InlineData("a/../../admin")]
        [InlineData("op-1.")]
        [InlineData("op%2F1")]
        public async Task A_Submit_answered_with_an_unusable_operationId_is_refused_before_it_is_used_in_a_URL(string operationId)
        {
            await using var server = new RawHttpListener(r => RawHttpListener.Answer(202, "", "text/plain", "operationId: " + operationId));
            var output = new RecordingOutput();

            var refusal = Refusal(() => RunSubmit(Connections.PerCall(OperationsSystem.OLConnect, server.BaseUri, credential: Connections.Credential("admin", "pw")), new SessionStore(), "Invoices", new long[] { 1 }, output), output);

            Assert.NotNull(refusal);
            Assert.Equal(ErrorIds.UnexpectedResponse, refusal!.ErrorId);
            Assert.Contains("accepted the request (202)", refusal.Message);
            Assert.Contains("operationId", refusal.Message);
            Assert.Empty(output.Objects);
            Assert.Single(server.Requests);
        }
    }
}
