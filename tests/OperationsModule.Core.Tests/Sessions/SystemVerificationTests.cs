using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Core.Tests.Simulator;
using OperationsModule.Simulator;
using Xunit;
using static OperationsModule.Core.Tests.Security.SecurityHarness;

namespace OperationsModule.Core.Tests.Sessions
{
    /// <summary>
    /// Connect-OperationsServer proves Onedata, VCF and BigChange credentials with one read-only call (the probe
    /// asks for an ID that does not exist; the system's own "not found" means the credentials were accepted).
    /// </summary>
    public sealed class SystemVerificationTests
    {
        private const string OnedataProbe = "/api/v3/oneprovider/automation/execution/workflows/operationsmodule-connect-probe";
        private const string VcfProbe = "/v1/tasks/00000000-0000-0000-0000-000000000000";
        private const string BigChangeProbe = "/v1/jobs/9223372036854775807";

        private static OperationsSession? Connect(ConnectionRequest request, SessionStore store, RecordingOutput? output = null) =>
            ConnectCommand.Connect(request, new ConnectOptions(), store, output ?? new RecordingOutput(), CancellationToken.None);

        private static void AssertRefused(SimulatorServer sim, ConnectionRequest request, string expectedCategory = ErrorCategoryName.AuthenticationError)
        {
            var store = new SessionStore();
            var ex = Assert.ThrowsAny<OperationsApiException>(() => Connect(request, store));
            Assert.Equal(ErrorIds.Unauthorized, ex.ErrorId);
            Assert.Equal(expectedCategory, ex.Category);
            Assert.Null(store.Get(request.System));
            Assert.Empty(store.All());
            Assert.True(sim.Journal.Count > 0, "the credentials were tried against the server");
        }

        [Fact]
        public async Task Onedata_token_is_verified_by_reading_an_unknown_execution()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var store = new SessionStore();

            var session = Connect(ConnectRequest(sim, OperationsSystem.Onedata, token: Connections.Secret(sim.Options.OnedataToken)), store)!;

            Assert.Same(session, store.Get(OperationsSystem.Onedata));
            var probe = Assert.Single(sim.Journal.Snapshot());
            Assert.Equal(("GET", OnedataProbe), (probe.Method, probe.Path));
            Assert.Equal(sim.Options.OnedataToken, probe.Headers["X-Auth-Token"]);
        }

        [Fact]
        public async Task Onedata_bad_token_answered_400_badToken_fails_Unauthorized_and_stores_nothing()
        {
            await using var sim = await SimulatorServer.StartAsync();
            AssertRefused(sim, ConnectRequest(sim, OperationsSystem.Onedata, token: Connections.Secret("onedata-revoked-token")));
            Assert.Equal(OnedataProbe, Assert.Single(sim.Journal.Snapshot()).Path);
        }

        [Fact]
        public async Task Onedata_token_without_privileges_403_fails_and_stores_nothing()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var store = new SessionStore();
            var ex = Assert.ThrowsAny<OperationsApiException>(() => Connect(ConnectRequest(sim, OperationsSystem.Onedata, token: Connections.Secret(sim.Options.OnedataForbiddenToken)), store));
            Assert.Equal(403, ex.StatusCode);
            Assert.Null(store.Get(OperationsSystem.Onedata));
        }

        [Fact]
        public async Task Onedata_404_that_is_not_Onedatas_notFound_does_not_verify()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.HtmlError(404), pathPattern: "/operationsmodule-connect-probe");
            var store = new SessionStore();
            var ex = Assert.ThrowsAny<OperationsApiException>(() => Connect(ConnectRequest(sim, OperationsSystem.Onedata, token: Connections.Secret(sim.Options.OnedataToken)), store));
            Assert.Equal(404, ex.StatusCode);
            Assert.Null(store.Get(OperationsSystem.Onedata));
        }

        [Fact]
        public async Task Vcf_credential_is_verified_by_logging_in_then_reading_an_unknown_task_and_the_token_is_reused()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Vcf.AddTask("t-1");
            var store = new SessionStore();

            var session = Connect(ConnectRequest(sim, OperationsSystem.Vcf, credential: Connections.Credential(sim.Options.VcfUser, sim.Options.VcfPassword)), store)!;

            Assert.Same(session, store.Get(OperationsSystem.Vcf));
            Assert.Equal(new[] { "POST /v1/tokens", "GET " + VcfProbe }, sim.Journal.Snapshot().Select(r => r.Method + " " + r.Path));
            Assert.Equal(1, sim.State.Vcf.TokensIssued);

            var output = Systems.Shared.StopRun.Run(Core.Systems.Vcf.TaskCancelEndpoint.Instance, new ConnectionPlan(new ConnectionRequest(OperationsSystem.Vcf), store), ("t-1", null));
            Assert.Empty(output.Failures);
            Assert.Equal(1, sim.State.Vcf.TokensIssued);
        }

        [Fact]
        public async Task Vcf_wrong_password_fails_Unauthorized_at_the_login_and_stores_nothing()
        {
            await using var sim = await SimulatorServer.StartAsync();
            AssertRefused(sim, ConnectRequest(sim, OperationsSystem.Vcf, credential: Connections.Credential(sim.Options.VcfUser, "wrong-password")));
            Assert.Equal("/v1/tokens", Assert.Single(sim.Journal.Snapshot()).Path);
        }

        [Fact]
        public async Task Vcf_token_is_verified_with_Bearer_and_a_bad_one_fails()
        {
            await using var sim = await SimulatorServer.StartAsync();
            using var http = SimTestClient.For(sim);
            var token = await SimTestClient.VcfTokenAsync(http, sim);
            sim.Journal.Clear();

            Connect(ConnectRequest(sim, OperationsSystem.Vcf, token: Connections.Secret(token)), new SessionStore());
            var probe = Assert.Single(sim.Journal.Snapshot());
            Assert.Equal(("GET", VcfProbe, "Bearer " + token), (probe.Method, probe.Path, probe.Headers["Authorization"]));

            sim.Journal.Clear();
            AssertRefused(sim, ConnectRequest(sim, OperationsSystem.Vcf, token: Connections.Secret("not-a-vcf-token")));
        }

        [Fact]
        public async Task BigChange_client_credentials_are_verified_with_the_customer_and_the_token_is_reused()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.BigChange.AddJob(7);
            var store = new SessionStore();
            var request = ConnectRequest(sim, OperationsSystem.BigChange, credential: Connections.Credential(sim.Options.BigChangeClientId, sim.Options.BigChangeClientSecret));
            request.CustomerId = sim.Options.BigChangeCustomerId;

            var session = Connect(request, store)!;

            Assert.Same(session, store.Get(OperationsSystem.BigChange));
            var requests = sim.Journal.Snapshot();
            Assert.Equal(new[] { "POST /auth/tokens", "GET " + BigChangeProbe }, requests.Select(r => r.Method + " " + r.Path));
            Assert.Equal("4242", requests[1].Headers["Customer-Id"]);

            var output = Systems.Shared.StopRun.Run(Core.Systems.BigChange.JobCancelEndpoint.Instance, new ConnectionPlan(new ConnectionRequest(OperationsSystem.BigChange), store),
                ("7", new Core.Commands.CancelArguments { Reason = "Customer rescheduled" }));
            Assert.Empty(output.Failures);
            Assert.Equal(1, sim.State.BigChange.TokensIssued);
        }

        [Fact]
        public async Task BigChange_wrong_client_secret_fails_Unauthorized_and_stores_nothing()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var request = ConnectRequest(sim, OperationsSystem.BigChange, credential: Connections.Credential(sim.Options.BigChangeClientId, "wrong-secret"));
            request.CustomerId = sim.Options.BigChangeCustomerId;
            AssertRefused(sim, request);
            Assert.Equal("/auth/tokens", Assert.Single(sim.Journal.Snapshot()).Path);
        }

        [Fact]
        public async Task BigChange_token_is_verified_with_the_customer_and_a_stale_one_fails()
        {
            await using var sim = await SimulatorServer.StartAsync();
            using var http = SimTestClient.For(sim);
            var token = await SimTestClient.BigChangeTokenAsync(http, sim);
            sim.Journal.Clear();

            Assert.NotNull(Connect(ConnectRequest(sim, OperationsSystem.BigChange, token: Connections.Secret(token)), new SessionStore()));
            var probe = Assert.Single(sim.Journal.Snapshot());
            Assert.Equal(("GET", BigChangeProbe, "Bearer " + token), (probe.Method, probe.Path, probe.Headers["Authorization"]));
            Assert.Equal("4242", probe.Headers["Customer-Id"]);

            sim.Journal.Clear();
            AssertRefused(sim, ConnectRequest(sim, OperationsSystem.BigChange, token: Connections.Secret("stale-bigchange-token")));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task BigChange_without_a_customer_is_refused_at_Connect_saying_CustomerId_is_missing_and_required(bool skipVerification)
        {
            await using var sim = await SimulatorServer.StartAsync();
            var request = ConnectRequest(sim, OperationsSystem.BigChange, credential: Connections.Credential(sim.Options.BigChangeClientId, sim.Options.BigChangeClientSecret));
            request.CustomerId = null;
            var store = new SessionStore();

            var refused = Assert.Throws<InputValidationException>(() => ConnectCommand.Connect(request, new ConnectOptions { SkipVerification = skipVerification }, store, new RecordingOutput(), System.Threading.CancellationToken.None));

            Assert.Equal((ErrorIds.InvalidParameter, ErrorCategoryName.InvalidArgument, "CustomerId"), (refused.ErrorId, refused.Category, refused.ParameterName));
            Assert.StartsWith("-CustomerId is missing: BigChange requires the customer (tenant) ID on every call", refused.Message);
            Assert.DoesNotContain("Cannot use the value", refused.Message);
            Assert.Null(store.Get(OperationsSystem.BigChange));
            Assert.Empty(sim.Journal.Snapshot());
        }

        [Fact]
        public async Task WhatIf_names_each_probe_and_sends_nothing()
        {
            await using var sim = await SimulatorServer.StartAsync();
            foreach (var (system, path) in new[] { (OperationsSystem.Onedata, OnedataProbe), (OperationsSystem.Vcf, VcfProbe), (OperationsSystem.BigChange, BigChangeProbe) })
            {
                var output = new RecordingOutput { Approve = false };
                Assert.Null(Connect(ConnectRequest(sim, system, token: Connections.Secret("any-token-value")), new SessionStore(), output));
                Assert.Contains("(verify with GET " + sim.BaseUri.AbsoluteUri.TrimEnd('/') + path + ")", Assert.Single(output.ShouldProcessCalls).Action);
            }
            Assert.Empty(sim.Journal.Snapshot());
        }
    }
}
