using System;
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
    /// <summary>http:// needs -AllowUnencryptedAuthentication for secrets; https certificates are checked unless -SkipCertificateCheck.</summary>
    public sealed class TransportRulesTests
    {
        private static ConnectionRequest Strict(SimulatorServer sim, bool withToken = false)
        {
            var request = ConnectRequest(sim, credential: withToken ? null : OlCredential(sim), token: withToken ? Connections.Secret("olc-some-token") : null);
            request.AllowUnencryptedAuthentication = false;
            return request;
        }

        [Fact]
        public async Task Connect_over_http_with_a_credential_is_refused_and_nothing_is_sent()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var store = new SessionStore();
            var ex = Assert.ThrowsAny<OperationsApiException>(() => ConnectCommand.Connect(Strict(sim), new ConnectOptions(), store, new RecordingOutput(), CancellationToken.None));
            Assert.Equal(ErrorIds.UnencryptedAuthentication, ex.ErrorId);
            Assert.Equal("SecurityError", ex.Category);
            Assert.Contains("-AllowUnencryptedAuthentication", ex.Message);
            Assert.Null(store.Get(OperationsSystem.OLConnect));
            Assert.Equal(0, sim.Journal.Count);
        }

        [Fact]
        public async Task SkipVerification_does_not_bypass_the_http_refusal()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var ex = Assert.ThrowsAny<OperationsApiException>(() => ConnectCommand.Connect(Strict(sim, withToken: true), new ConnectOptions { SkipVerification = true }, new SessionStore(), new RecordingOutput(), CancellationToken.None));
            Assert.Equal(ErrorIds.UnencryptedAuthentication, ex.ErrorId);
            Assert.Equal(0, sim.Journal.Count);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task A_per_call_credential_or_token_over_http_is_refused_per_item_and_nothing_is_sent(bool withToken)
        {
            await using var sim = await SimulatorServer.StartAsync();
            var id = sim.State.OlConnect.AddOperation().Id;
            var output = RunStop(Strict(sim, withToken), new SessionStore(), new[] { id });
            var failure = Assert.Single(output.Failures);
            Assert.Equal(ErrorIds.UnencryptedAuthentication, failure.ErrorId);
            Assert.Equal(id, failure.TargetObject);
            Assert.Equal(0, sim.Journal.Count);
        }

        [Fact]
        public async Task AllowUnencryptedAuthentication_lets_the_credential_through_http()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var request = Strict(sim);
            request.AllowUnencryptedAuthentication = true;
            Assert.NotNull(ConnectCommand.Connect(request, new ConnectOptions(), new SessionStore(), new RecordingOutput(), CancellationToken.None));
            Assert.Equal(2, sim.Journal.Count);
        }

        [Fact]
        public async Task Without_credentials_http_needs_no_switch()
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { OlConnectSecurityEnabled = false });
            var request = Strict(sim);
            request.Credential = null;
            var session = ConnectCommand.Connect(request, new ConnectOptions(), new SessionStore(), new RecordingOutput(), CancellationToken.None)!;
            Assert.Equal("None", session.AuthenticationKind);
            Assert.Equal(1, sim.Journal.Count);
        }

        [Fact]
        public async Task A_self_signed_certificate_is_rejected_without_SkipCertificateCheck()
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Https = true });
            var store = new SessionStore();
            var ex = Assert.ThrowsAny<OperationsApiException>(() => ConnectCommand.Connect(Strict(sim), new ConnectOptions(), store, new RecordingOutput(), CancellationToken.None));
            Assert.Equal(ErrorIds.CertificateRejected, ex.ErrorId);
            Assert.Equal("SecurityError", ex.Category);
            Assert.Contains("-SkipCertificateCheck", ex.RecommendedAction);
            Assert.Null(store.Get(OperationsSystem.OLConnect));
            Assert.Equal(0, sim.Journal.Count);
        }

        [Fact]
        public async Task SkipCertificateCheck_connects_to_a_self_signed_server_and_later_calls_work()
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Https = true });
            var id = sim.State.OlConnect.AddOperation().Id;
            var store = new SessionStore();
            var request = Strict(sim);
            request.SkipCertificateCheck = true;
            var session = ConnectCommand.Connect(request, new ConnectOptions(), store, new RecordingOutput(), CancellationToken.None)!;
            Assert.True(session.SkipCertificateCheck);

            var output = RunStop(new ConnectionRequest(OperationsSystem.OLConnect), store, new[] { id });

            Assert.Empty(output.Failures);
            Assert.True(sim.State.OlConnect.GetOperation(id)!.Cancelled);
        }

        [Fact]
        public async Task A_per_call_request_to_a_self_signed_server_fails_CertificateRejected_per_item()
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Https = true });
            var output = RunStop(Strict(sim), new SessionStore(), new[] { "5001" });
            Assert.Equal(ErrorIds.CertificateRejected, Assert.Single(output.Failures).ErrorId);
            Assert.Equal(0, sim.Journal.Count);
        }
    }
}
