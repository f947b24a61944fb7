using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.Vcf;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.Core.Tests.Sessions
{
    /// <summary>
    /// Objects made with -BaseUri and a secret carry that ad hoc session; later commands reopen it with connections
    /// of their own. A typed secret without -BaseUri takes the piped object's server.
    /// </summary>
    public sealed class CarriedConnectionTests
    {
        private static Core.Secrets.SecretCredential VcfCredential => Connections.Credential("administrator@vsphere.local", "vcf-secret-pass");

        private static RecordingOutput Stop(ConnectionPlan plan, string id, OperationsSession? pipedSession = null, Uri? pipedServer = null)
        {
            var output = new RecordingOutput();
            using var command = new StopCommand(TaskCancelEndpoint.Instance, plan, throttleLimit: 1, output, CancellationToken.None);
            command.Process(id, null, pipedSession, pipedServer);
            command.Complete();
            return output;
        }

        [Fact]
        public async Task A_per_call_result_carries_an_ad_hoc_session_that_a_later_command_reuses_after_the_first_ended()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Vcf.AddTasks(new[] { "t-1", "t-2" });

            var first = Stop(new ConnectionPlan(Connections.PerCall(OperationsSystem.Vcf, sim.BaseUri, VcfCredential), new SessionStore()), "t-1");
            var carried = first.Objects.OfType<CancellationResult>().Single().Session!;
            Assert.True(carried.IsAdHoc);
            Assert.True(carried.IsClosed); // the first command ended and closed its connections

            // The next command is given only the piped object: no -BaseUri, no credential, no default session.
            var second = Stop(new ConnectionPlan(new ConnectionRequest(OperationsSystem.Vcf), new SessionStore()), "t-2", pipedSession: carried);

            Assert.Empty(second.Failures);
            Assert.Equal("t-2", second.Objects.OfType<CancellationResult>().Single().Id);
            // Each command logged in with the carried credential and revoked its own refresh token at its end.
            Assert.Equal(2, sim.State.Vcf.TokensIssued);
            Assert.Equal(2, sim.State.Vcf.TokensRevoked);
            Assert.True(carried.IsClosed);
        }

        [Fact]
        public async Task A_typed_credential_without_BaseUri_uses_the_piped_server_once_per_server()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Vcf.AddTasks(new[] { "s-1", "s-2" });
            var request = new ConnectionRequest(OperationsSystem.Vcf) { Credential = VcfCredential, AllowUnencryptedAuthentication = true, MaximumRetryCount = 0 };
            using var plan = new ConnectionPlan(request, new SessionStore());

            var a = plan.For(null, sim.BaseUri);
            var b = plan.For(null, new Uri(sim.BaseUri.AbsoluteUri));

            Assert.Same(a, b);
            Assert.Equal(sim.BaseUri, a.Session.BaseUri);
            Assert.True(a.Session.IsAdHoc);
            Assert.Empty(Stop(plan, "s-1", pipedServer: sim.BaseUri).Failures);
        }

        [Fact]
        public void A_typed_credential_without_BaseUri_or_a_piped_server_is_refused_naming_Credential()
        {
            var request = new ConnectionRequest(OperationsSystem.Vcf) { Credential = VcfCredential };
            using var plan = new ConnectionPlan(request, new SessionStore());

            var error = Assert.Throws<InputValidationException>(() => plan.For(null, null));
            Assert.Equal("Credential", error.ParameterName);
            Assert.Contains("Server", error.Message);
        }

        [Fact]
        public void A_credential_and_a_token_together_are_refused_before_any_item()
        {
            var request = new ConnectionRequest(OperationsSystem.Vcf) { Credential = VcfCredential, Token = Connections.Secret("t") };

            var error = Assert.Throws<InputValidationException>(() => new ConnectionPlan(request, new SessionStore()));
            Assert.Equal("Token", error.ParameterName);
        }

        [Fact]
        public async Task A_typed_BaseUri_wins_over_a_piped_server()
        {
            await using var sim = await SimulatorServer.StartAsync();
            using var plan = new ConnectionPlan(Connections.PerCall(OperationsSystem.Vcf, sim.BaseUri, VcfCredential), new SessionStore());

            Assert.Equal(sim.BaseUri, plan.For(null, new Uri("http://127.0.0.1:9/")).Session.BaseUri);
        }

        [Fact]
        public void A_default_session_is_never_ad_hoc()
        {
            var session = SessionResolver.CreateSession(new ConnectionRequest(OperationsSystem.Vcf) { BaseUri = "https://sddc.example/", Credential = VcfCredential }, persistent: true);

            Assert.False(session.IsAdHoc);
        }
    }
}
