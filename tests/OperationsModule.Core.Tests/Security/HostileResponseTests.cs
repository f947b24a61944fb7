using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;
using Xunit;
using static OperationsModule.Core.Tests.Security.SecurityHarness;

namespace OperationsModule.Core.Tests.Security
{
    /// <summary>Servers (or what sits in front of them) that answer badly: each yields one clear failure, bounded in size and time.</summary>
    public sealed class HostileResponseTests
    {
        private const string CancelPath = "/outputcreation/cancel/";

        private static Failure StopOne(SimulatorServer sim, ConnectionRequest? request = null, SessionStore? store = null)
        {
            var id = sim.State.OlConnect.AddOperation().Id;
            var output = RunStop(request ?? Connections.PerCall(OperationsSystem.OLConnect, sim.BaseUri, credential: OlCredential(sim)), store ?? new SessionStore(), new[] { id });
            Assert.Empty(output.Objects);
            return Assert.Single(output.Failures);
        }

        [Fact]
        public async Task A_success_body_over_the_cap_is_refused_not_buffered()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var store = new SessionStore();
            var session = Connect(sim, store);
            session.Options.MaximumResponseBytes = 64 * 1024;
            sim.Faults.Add(FaultAction.HugeBody(200, 8 * 1024 * 1024), pathPattern: CancelPath);

            var failure = StopOne(sim, new ConnectionRequest(OperationsSystem.OLConnect), store);

            Assert.Equal(ErrorIds.UnexpectedResponse, failure.ErrorId);
            Assert.Contains("larger than the 65536 bytes", failure.Exception.Message);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task A_huge_error_body_is_read_up_to_the_cap_and_kept_short(bool declareLength)
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.HugeBody(500, 64L * 1024 * 1024, declareLength), pathPattern: CancelPath);

            var failure = StopOne(sim);

            Assert.Equal(ErrorIds.ServerError, failure.ErrorId);
            Assert.Equal(500, failure.Exception.StatusCode);
            Assert.True(failure.Exception.RawBody!.Length <= OperationsApiException.MaxRawBodyLength + 20);
        }

        [Fact]
        public async Task A_json_error_labelled_as_html_still_gives_a_clear_NotFound()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.WrongContentType(404), pathPattern: CancelPath);
            var failure = StopOne(sim);
            Assert.Equal(ErrorIds.NotFound, failure.ErrorId);
            Assert.Equal("ObjectNotFound", failure.Category);
            Assert.Equal("text/html", failure.Exception.ContentType);
        }

        [Theory]
        [InlineData(500, "[1,2]", "ServerError")]
        [InlineData(400, "\"just a string\"", "InvalidRequest")]
        [InlineData(404, "null", "NotFound")]
        [InlineData(409, "{\"error\": 42}", "Conflict")]
        public async Task Json_that_is_not_the_error_object_is_classified_by_status(int status, string json, string errorId)
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.NotAnObjectJson(status, json), pathPattern: CancelPath);
            var failure = StopOne(sim);
            Assert.Equal(errorId, failure.ErrorId);
            Assert.Equal(status, failure.Exception.StatusCode);
            Assert.Contains(status.ToString(), failure.Exception.Message);
        }

        [Fact]
        public async Task Malformed_json_is_a_clear_failure_not_a_parser_exception()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.MalformedJson(500), pathPattern: CancelPath);
            var failure = StopOne(sim);
            Assert.Equal(ErrorIds.ServerError, failure.ErrorId);
            Assert.NotNull(failure.Exception.RawBody);
        }

        [Theory]
        [InlineData(302)]
        [InlineData(307)]
        [InlineData(308)]
        public async Task Credentials_never_follow_a_redirect_to_another_host(int status)
        {
            await using var sim = await SimulatorServer.StartAsync();
            await using var other = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.Redirect(status, other.BaseUri + "rest/serverengine/workflow/outputcreation/cancel/5001"), pathPattern: CancelPath);

            var failure = StopOne(sim);

            Assert.Equal(ErrorIds.UnexpectedRedirect, failure.ErrorId);
            Assert.Contains("another origin", failure.Exception.Message);
            Assert.Equal(0, other.Journal.Count);
            Assert.True(sim.Journal.Snapshot().Single().Headers.ContainsKey("Authorization"), "the first host did get the request");
        }

        [Fact]
        public async Task A_login_redirected_to_another_host_sends_it_nothing()
        {
            await using var sim = await SimulatorServer.StartAsync();
            await using var other = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.Redirect(307, other.BaseUri + "rest/serverengine/authentication/login"), pathPattern: "/authentication/login");
            var store = new SessionStore();

            var ex = Assert.ThrowsAny<OperationsApiException>(() => Connect(sim, store));

            Assert.Equal(ErrorIds.UnexpectedRedirect, ex.ErrorId);
            Assert.Equal(0, other.Journal.Count);
            Assert.Null(store.Get(OperationsSystem.OLConnect));
        }

        [Fact]
        public async Task A_redirect_from_https_to_http_is_refused()
        {
            await using var secure = await SimulatorServer.StartAsync(new SimulatorOptions { Https = true });
            await using var plain = await SimulatorServer.StartAsync();
            // Same host and port number would still be a different origin; use the plain server so a leak would be recorded.
            secure.Faults.Add(FaultAction.Redirect(308, plain.BaseUri + "rest/serverengine/authentication/login"), pathPattern: "/authentication/login");
            var request = ConnectRequest(secure, credential: OlCredential(secure));
            request.SkipCertificateCheck = true;

            var ex = Assert.ThrowsAny<OperationsApiException>(() => ConnectCommand.Connect(request, new ConnectOptions(), new SessionStore(), new RecordingOutput(), CancellationToken.None));

            Assert.Equal(ErrorIds.UnexpectedRedirect, ex.ErrorId);
            Assert.Contains("downgraded scheme", ex.Message);
            Assert.Equal(0, plain.Journal.Count);
        }

        [Fact]
        public async Task A_slow_loris_body_is_bounded_by_the_timeout()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var store = new SessionStore();
            sim.Faults.Add(FaultAction.SlowLoris(200, 1, TimeSpan.FromMilliseconds(100)), pathPattern: "/getOperations");
            var request = ConnectRequest(sim, credential: OlCredential(sim), timeoutSec: 1);
            var clock = Stopwatch.StartNew();

            var ex = Assert.ThrowsAny<OperationsApiException>(() => ConnectCommand.Connect(request, new ConnectOptions(), store, new RecordingOutput(), CancellationToken.None));

            Assert.Equal(ErrorIds.Timeout, ex.ErrorId);
            Assert.Equal("OperationTimeout", ex.Category);
            Assert.Contains("-TimeoutSec", ex.Message);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
            Assert.Null(store.Get(OperationsSystem.OLConnect));
        }

        [Fact]
        public async Task A_server_that_never_answers_is_a_Timeout_per_item()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.NeverAnswer(), pathPattern: CancelPath);
            var request = Connections.PerCall(OperationsSystem.OLConnect, sim.BaseUri, credential: OlCredential(sim));
            request.TimeoutSec = 1;
            var clock = Stopwatch.StartNew();

            var failure = StopOne(sim, request);

            Assert.Equal(ErrorIds.Timeout, failure.ErrorId);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        }
    }
}
