using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;
using Xunit;
using static OperationsModule.Core.Tests.Systems.Shared.StopRun;
using static OperationsModule.Core.Tests.Systems.Vcf.StopTaskTests;

namespace OperationsModule.Core.Tests.Systems.Vcf
{
    /// <summary>Disconnect-OperationsServer revokes a VCF login session's refresh token, best-effort.</summary>
    public sealed class VcfRevocationTests
    {
        private const string RevokePath = "/v1/tokens/refresh-token";

        /// <summary>Connect-OperationsServer -System Vcf -Credential: the probe logs in, so a refresh token is held.</summary>
        private static (OperationsSession Session, SessionStore Store) ConnectWithLogin(SimulatorServer sim)
        {
            var store = new SessionStore();
            var session = ConnectCommand.Connect(WithLogin(sim), new ConnectOptions(), store, new RecordingOutput(), CancellationToken.None)!;
            return (session, store);
        }

        private static string IssuedRefreshId(SimulatorServer sim) =>
            sim.State.Vcf.IssuedSecrets().Single(s => System.Guid.TryParse(s, out _));

        [Fact]
        public async Task Disconnect_sends_the_refresh_id_as_a_JSON_string_and_the_token_stops_refreshing()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var (session, store) = ConnectWithLogin(sim);
            var refreshId = IssuedRefreshId(sim);
            var output = new RecordingOutput();

            Assert.True(DisconnectCommand.Disconnect(session, store, output));

            var revoke = Requests(sim, "DELETE", RevokePath).Single();
            Assert.Equal(RevokePath, revoke.Path);
            Assert.StartsWith("application/json", revoke.Headers["Content-Type"]);
            Assert.Equal(refreshId, JsonDocument.Parse(revoke.Body).RootElement.GetString());
            Assert.False(revoke.Headers.ContainsKey("Authorization"));
            Assert.False(sim.State.Vcf.IsRefreshTokenValid(refreshId));
            Assert.Equal(1, sim.State.Vcf.TokensRevoked);
            Assert.Empty(output.Warnings);
            Assert.Empty(output.Failures);
            Assert.Contains(output.Verbose, v => v.StartsWith("Revoked the SDDC Manager refresh token (DELETE ") && v.Contains(RevokePath));
            Assert.Null(store.Get(OperationsSystem.Vcf));
            Assert.DoesNotContain(output.AllText(), t => t.Contains(refreshId));
        }

        [Fact]
        public async Task Disconnect_by_system_revokes_too()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var (_, store) = ConnectWithLogin(sim);

            Assert.Equal(1, DisconnectCommand.Disconnect(new[] { OperationsSystem.Vcf }, store, new RecordingOutput()));

            Assert.Single(Requests(sim, "DELETE", RevokePath));
            Assert.Equal(1, sim.State.Vcf.TokensRevoked);
        }

        [Fact]
        public async Task WhatIf_shows_the_revocation_call_and_sends_nothing()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var (session, store) = ConnectWithLogin(sim);
            var refreshId = IssuedRefreshId(sim);
            var output = new RecordingOutput { Approve = false };

            Assert.False(DisconnectCommand.Disconnect(session, store, output));

            var (target, action) = output.ShouldProcessCalls.Single();
            Assert.Equal(session.ToString(), target);
            Assert.Contains("DELETE " + new System.Uri(sim.BaseUri, RevokePath.TrimStart('/')), action);
            Assert.Empty(Requests(sim, "DELETE", RevokePath));
            Assert.True(sim.State.Vcf.IsRefreshTokenValid(refreshId));
            Assert.Same(session, store.Get(OperationsSystem.Vcf));
        }

        [Theory]
        [InlineData("500 with a VCF error")]
        [InlineData("404 unknown refresh token")]
        [InlineData("connection reset")]
        [InlineData("HTML page")]
        public async Task A_failed_revocation_is_one_warning_and_the_session_closes_anyway(string fault)
        {
            await using var sim = await SimulatorServer.StartAsync();
            var (session, store) = ConnectWithLogin(sim);
            sim.Faults.Add(fault switch
            {
                "500 with a VCF error" => FaultAction.Status(500, body: "{\"errorCode\":\"INTERNAL\",\"message\":\"Token service down.\"}"),
                "404 unknown refresh token" => FaultAction.Status(404, body: "{\"errorCode\":\"REFRESH_TOKEN_NOT_FOUND\",\"message\":\"Refresh token not found.\"}"),
                "connection reset" => FaultAction.ConnectionReset(),
                _ => FaultAction.HtmlError(502),
            }, method: "DELETE", pathPattern: RevokePath);
            var output = new RecordingOutput();

            Assert.True(DisconnectCommand.Disconnect(session, store, output, passThru: true));

            var warning = Assert.Single(output.Warnings);
            Assert.StartsWith("Revoking the SDDC Manager refresh token failed: DELETE " + sim.BaseUri.AbsoluteUri.TrimEnd('/') + RevokePath, warning);
            Assert.Contains("stays valid on the server until it expires", warning);
            Assert.Empty(output.Failures);
            Assert.Same(session, output.Single<OperationsSession>());
            Assert.Null(store.Get(OperationsSystem.Vcf));
            Assert.Equal(0, sim.State.Vcf.TokensRevoked);
        }

        [Fact]
        public async Task A_cancelled_disconnect_still_closes_the_session_and_says_the_revocation_was_cancelled()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var (session, store) = ConnectWithLogin(sim);
            var output = new RecordingOutput();

            Assert.True(DisconnectCommand.Disconnect(session, store, output, cancellationToken: new CancellationToken(canceled: true)));

            Assert.Contains("was cancelled", Assert.Single(output.Warnings));
            Assert.Null(store.Get(OperationsSystem.Vcf));
            Assert.Empty(Requests(sim, "DELETE", RevokePath));
        }

        [Fact]
        public async Task A_session_that_never_logged_in_or_holds_a_given_token_revokes_nothing()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var store = new SessionStore();
            var unverified = ConnectCommand.Connect(WithLogin(sim), new ConnectOptions { SkipVerification = true }, store, new RecordingOutput(), CancellationToken.None)!;
            var token = Connections.PerCall(OperationsSystem.Vcf, sim.BaseUri, token: Connections.Secret(await AccessTokenAsync(sim)));
            var withToken = ConnectCommand.Connect(token, new ConnectOptions { SkipVerification = true }, new SessionStore(), new RecordingOutput(), CancellationToken.None)!;
            var output = new RecordingOutput();

            DisconnectCommand.Disconnect(unverified, store, output);
            DisconnectCommand.Disconnect(withToken, new SessionStore(), output);

            Assert.All(output.ShouldProcessCalls, c => Assert.Equal("Disconnect", c.Action));
            Assert.Empty(Requests(sim, "DELETE", RevokePath));
        }

        [Fact]
        public async Task After_revocation_a_kept_session_object_is_closed_and_sends_nothing()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var (session, store) = ConnectWithLogin(sim);
            DisconnectCommand.Disconnect(session, store, new RecordingOutput());

            DisconnectCommand.Disconnect(session, store, new RecordingOutput());

            Assert.Single(Requests(sim, "DELETE", RevokePath));
        }
    }
}
