using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Secrets;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.BigChange;
using OperationsModule.Core.Systems.OLConnect;
using OperationsModule.Core.Systems.Onedata;
using OperationsModule.Core.Systems.Vcf;
using OperationsModule.Core.Tests.Infrastructure;
using Xunit;
using static OperationsModule.Core.Tests.Security.SecurityHarness;

namespace OperationsModule.Core.Tests.Security
{
    /// <summary>
    /// Every header the module writes (User-Agent, Accept, Customer-Id, Authorization Basic and Bearer, auth_token,
    /// X-Auth-Token), fed each hostile value, with the raw bytes on the wire inspected by a socket listener: no
    /// smuggled request, no injected header line, and the value refused as its origin says.
    /// </summary>
    public sealed class HeaderInjectionTests
    {
        private const string Marker = "X-Evil";

        /// <summary>Each one would end the header line, cut it, or be encoded differently by each runtime.</summary>
        public static readonly string[] Hostile =
        {
            "tok\r\nX-Evil: injected",
            "tok\nX-Evil: injected",
            "tok\rX-Evil: injected",
            "tok\r\nContent-Length: 0\r\n\r\nPOST /smuggled HTTP/1.1\r\nHost: evil\r\nX-Evil: ",
            "tok\0X-Evil",
            "tok\tX-Evil",
            "tok\u007fX-Evil",
            "tok\u0085X-Evil",
            "tok\u2028X-Evil",
            "tök-X-Evil",
        };

        public static IEnumerable<object[]> HostileValues => Hostile.Select((_, i) => new object[] { i });

        public static IEnumerable<object[]> SystemsAndValues =>
            from system in new[] { OperationsSystem.OLConnect, OperationsSystem.Onedata, OperationsSystem.Vcf, OperationsSystem.BigChange }
            from i in Enumerable.Range(0, Hostile.Length)
            select new object[] { system, i };

        private static (ICancelEndpoint Endpoint, string Id, CancelArguments Arguments) Cancel(OperationsSystem system) => system switch
        {
            OperationsSystem.OLConnect => (OutputCreationCancelEndpoint.Instance, "5001", CancelArguments.None),
            OperationsSystem.Onedata => (WorkflowExecutionCancelEndpoint.Instance, "wid-1", CancelArguments.None),
            OperationsSystem.Vcf => (TaskCancelEndpoint.Instance, "task-1", CancelArguments.None),
            _ => (JobCancelEndpoint.Instance, "7", new CancelArguments { CustomerId = 4242, Reason = "Rescheduled" }),
        };

        private static RecordingOutput Stop(OperationsSystem system, ConnectionRequest request)
        {
            var (endpoint, id, arguments) = Cancel(system);
            var output = new RecordingOutput();
            var refusal = Refusal(() => RunStop(endpoint, request, new SessionStore(), id, arguments, output), output);
            if (refusal is not null && !output.Failures.Any()) output.WriteFailure(new Failure(refusal, id));
            return output;
        }

        private static ConnectionRequest PerCall(OperationsSystem system, RawHttpListener server, SecretText? token = null, SecretCredential? credential = null) =>
            Connections.PerCall(system, server.BaseUri, credential, token ?? (credential is null ? Connections.Secret("tok-good") : null));

        /// <summary>What a server would see: well-formed request lines only, no header named by the marker, no request the module did not make.</summary>
        private static void AssertWireClean(RawHttpListener server, int expectedRequests)
        {
            var requests = server.Requests;
            Assert.Equal(expectedRequests, requests.Count);
            foreach (var request in requests)
            {
                Assert.Matches(new Regex(@"^(GET|POST|PUT|PATCH|DELETE) /[!-~]* HTTP/1\.1$"), request.RequestLine);
                Assert.DoesNotContain("smuggled", request.Path, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(request.Headers, h => h.Key.Contains(Marker, StringComparison.OrdinalIgnoreCase));
                Assert.All(request.Headers, h => Assert.Matches(new Regex("^[!-~]+$"), h.Key));
                Assert.Equal($"127.0.0.1:{server.BaseUri.Port}", request.Header("Host"));
            }
            // Nothing after the last parsed request either (a half-smuggled request would sit there).
            Assert.DoesNotContain("smuggled", server.Wire, StringComparison.OrdinalIgnoreCase);
        }

        [Theory]
        [InlineData(OperationsSystem.OLConnect, "auth_token", "tok-good")]
        [InlineData(OperationsSystem.Onedata, "X-Auth-Token", "tok-good")]
        [InlineData(OperationsSystem.Vcf, "Authorization", "Bearer tok-good")]
        [InlineData(OperationsSystem.BigChange, "Authorization", "Bearer tok-good")]
        public async Task The_fixture_sees_every_header_of_a_clean_request(OperationsSystem system, string header, string value)
        {
            await using var server = new RawHttpListener(r => LoginAnswers.IssueOrAccept(r));
            var request = PerCall(system, server);
            request.UserAgent = "Runbook/1.0";

            var output = Stop(system, request);

            Assert.Empty(output.Failures);
            AssertWireClean(server, 1);
            var sent = server.Requests.Single();
            Assert.Equal(value, sent.Header(header));
            Assert.Equal("Runbook/1.0", sent.Header("User-Agent"));
            if (system == OperationsSystem.BigChange) Assert.Equal("4242", sent.Header("Customer-Id"));
            if (system is OperationsSystem.Vcf or OperationsSystem.BigChange) Assert.NotNull(sent.Header("Accept"));
        }

        [Theory]
        [MemberData(nameof(SystemsAndValues))]
        public async Task A_typed_token_that_breaks_the_header_rule_is_refused_before_anything_is_sent(OperationsSystem system, int value)
        {
            await using var server = new RawHttpListener(r => LoginAnswers.IssueOrAccept(r));

            var output = Stop(system, PerCall(system, server, Connections.Secret(Hostile[value])));

            var refusal = Assert.IsType<InputValidationException>(Assert.Single(output.Failures).Exception);
            Assert.Equal("Token", refusal.ParameterName);
            Assert.Equal(ErrorIds.InvalidParameter, refusal.ErrorId);
            Assert.DoesNotContain(Marker, refusal.Message);
            Assert.Contains("header", refusal.Message);
            Assert.Equal(string.Empty, server.Wire);
        }

        [Theory]
        [MemberData(nameof(HostileValues))]
        public async Task A_typed_UserAgent_that_breaks_the_rule_is_refused_per_call_and_at_Connect(int value)
        {
            await using var server = new RawHttpListener(r => LoginAnswers.IssueOrAccept(r));
            var call = PerCall(OperationsSystem.Onedata, server);
            call.UserAgent = Hostile[value];
            var connect = PerCall(OperationsSystem.Onedata, server);
            connect.UserAgent = Hostile[value];

            var perCall = Assert.IsType<InputValidationException>(Assert.Single(Stop(OperationsSystem.Onedata, call).Failures).Exception);
            var atConnect = Assert.IsType<InputValidationException>(Assert.ThrowsAny<OperationsApiException>(() =>
                ConnectCommand.Connect(connect, new ConnectOptions(), new SessionStore(), new RecordingOutput(), CancellationToken.None)));

            foreach (var refusal in new[] { perCall, atConnect })
            {
                Assert.Equal("UserAgent", refusal.ParameterName);
                Assert.Contains("User-Agent header", refusal.Message);
                Assert.DoesNotContain(Marker, refusal.Message);
            }
            Assert.Equal(string.Empty, server.Wire);
        }

        /// <summary>User name and password go out base64-encoded (Basic) or inside a body: whatever they hold, no header line is added.</summary>
        [Theory]
        [MemberData(nameof(HostileValues))]
        public async Task A_hostile_user_name_or_password_adds_no_header_line(int value)
        {
            await using var server = new RawHttpListener(r => LoginAnswers.IssueOrAccept(r));
            var user = "admin" + Hostile[value];
            var password = "pw" + Hostile[value];

            // Per call, OL Connect sends Basic on the request itself; Connect logs in with it first.
            var perCall = Stop(OperationsSystem.OLConnect, PerCall(OperationsSystem.OLConnect, server, credential: Connections.Credential(user, password)));
            ConnectCommand.Connect(PerCall(OperationsSystem.OLConnect, server, credential: Connections.Credential(user, password)), new ConnectOptions(), new SessionStore(), new RecordingOutput(), CancellationToken.None);

            Assert.Empty(perCall.Failures);
            AssertWireClean(server, 3);
            var basic = "Basic " + Base64(user + ":" + password);
            Assert.Equal(basic, server.Requests[0].Header("Authorization"));
            Assert.Equal(basic, server.Requests[1].Header("Authorization"));
            Assert.EndsWith("/authentication/login", server.Requests[1].Path, StringComparison.Ordinal);
            Assert.Equal("tok-good", server.Requests[2].Header("auth_token"));
        }

        public static IEnumerable<object[]> IssuingSystemsAndValues =>
            from system in new[] { OperationsSystem.OLConnect, OperationsSystem.Vcf, OperationsSystem.BigChange }
            from i in Enumerable.Range(0, Hostile.Length)
            select new object[] { system, i };

        [Theory]
        [MemberData(nameof(IssuingSystemsAndValues))]
        public async Task A_server_issued_token_that_breaks_the_rule_is_an_UnexpectedResponse_and_never_sent_back(OperationsSystem system, int value)
        {
            await using var server = new RawHttpListener(r => LoginAnswers.IssueOrAccept(r, Hostile[value]));
            var credential = system switch
            {
                OperationsSystem.OLConnect => Connections.Credential("admin", "pw"),
                OperationsSystem.Vcf => Connections.Credential("admin@local", "pw"),
                _ => Connections.Credential("client-1", "secret"),
            };

            var store = new SessionStore();
            var request = PerCall(system, server, credential: credential);
            if (system == OperationsSystem.BigChange) request.CustomerId = 4242;

            // Connect logs in at once (its verification call needs the token).
            var failure = Assert.ThrowsAny<OperationsApiException>(() => ConnectCommand.Connect(request, new ConnectOptions(), store, new RecordingOutput(), CancellationToken.None));

            Assert.Equal(ErrorIds.UnexpectedResponse, failure.ErrorId);
            Assert.Null(store.Get(system));
            Assert.Equal("InvalidResult", failure.Category);
            Assert.Contains("the token the server issued contains", failure.Message);
            Assert.DoesNotContain(Marker, failure.Message);
            Assert.Null(failure.RawBody);
            // The token call, and nothing after it.
            AssertWireClean(server, 1);
        }

        [Fact]
        public async Task OL_Connect_login_answer_with_an_injected_header_taints_no_later_request()
        {
            // The finding as reported: "oltok-abc\r\nX-Evil: injected" would have been added to every later request.
            await using var server = new RawHttpListener(r => LoginAnswers.IssueOrAccept(r, "oltok-abc\r\nX-Evil: injected"));
            var store = new SessionStore();
            var connect = PerCall(OperationsSystem.OLConnect, server, credential: Connections.Credential("admin", "pw"));

            var ex = Assert.ThrowsAny<OperationsApiException>(() => ConnectCommand.Connect(connect, new ConnectOptions(), store, new RecordingOutput(), CancellationToken.None));

            Assert.Equal(ErrorIds.UnexpectedResponse, ex.ErrorId);
            Assert.Contains("U+000D (CR)", ex.Message);
            Assert.Null(store.Get(OperationsSystem.OLConnect));
            AssertWireClean(server, 1);
        }
    }
}
