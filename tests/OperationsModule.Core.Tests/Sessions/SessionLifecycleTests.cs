using System;
using System.Collections.Generic;
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

namespace OperationsModule.Core.Tests.Sessions
{
    /// <summary>Connect / Get / Disconnect and the default session, over real loopback HTTP.</summary>
    public sealed class SessionLifecycleTests
    {
        [Fact]
        public async Task Connect_verifies_by_logging_in_once_and_becomes_the_default()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var store = new SessionStore();
            var output = new RecordingOutput();

            var session = ConnectCommand.Connect(ConnectRequest(sim, credential: OlCredential(sim)), new ConnectOptions { PassThru = true }, store, output, CancellationToken.None)!;

            Assert.Same(session, store.Get(OperationsSystem.OLConnect));
            Assert.Same(session, output.Single<OperationsSession>());
            Assert.Equal("Login", session.AuthenticationKind);
            Assert.Equal(sim.Options.OlConnectUser, session.UserName);
            var requests = sim.Journal.Snapshot();
            Assert.Equal(new[] { "/rest/serverengine/authentication/login", "/rest/serverengine/workflow/outputcreation/getOperations" }, requests.Select(r => r.Path));
            Assert.False(string.IsNullOrEmpty(requests[1].Headers.GetValueOrDefault("auth_token")));
            Assert.False(requests[1].Headers.ContainsKey("Authorization"));
        }

        [Fact]
        public async Task Connect_without_PassThru_writes_nothing_and_ToString_names_the_server_only()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var store = new SessionStore();
            var output = new RecordingOutput();
            var session = ConnectCommand.Connect(ConnectRequest(sim, credential: OlCredential(sim)), new ConnectOptions(), store, output, CancellationToken.None)!;
            Assert.Empty(output.Objects);
            Assert.Equal($"OLConnect {sim.BaseUri} (Login as ol-admin)", session.ToString());
        }

        [Fact]
        public async Task Connect_with_wrong_password_fails_Unauthorized_and_keeps_no_session()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var store = new SessionStore();
            var request = ConnectRequest(sim, credential: Connections.Credential("ol-admin", "wrong-password"));
            var ex = Assert.ThrowsAny<OperationsApiException>(() => ConnectCommand.Connect(request, new ConnectOptions(), store, new RecordingOutput(), CancellationToken.None));
            Assert.Equal(ErrorIds.Unauthorized, ex.ErrorId);
            Assert.Contains("Logging in to OL Connect as ol-admin failed", ex.Message);
            Assert.Null(store.Get(OperationsSystem.OLConnect));
            Assert.Single(sim.Journal.Snapshot());
        }

        [Fact]
        public async Task Connect_with_a_token_verifies_with_the_auth_token_header()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var token = await OlLoginTokenAsync(sim);
            var store = new SessionStore();
            var session = Connect(sim, store, token: Connections.Secret(token));
            Assert.Equal("Token", session.AuthenticationKind);
            var probe = Assert.Single(sim.Journal.Snapshot());
            Assert.Equal(token, probe.Headers["auth_token"]);
        }

        [Fact]
        public async Task Connect_with_a_bad_token_fails_Unauthorized()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var store = new SessionStore();
            var ex = Assert.ThrowsAny<OperationsApiException>(() => Connect(sim, store, token: Connections.Secret("olc-not-a-token")));
            Assert.Equal(ErrorIds.Unauthorized, ex.ErrorId);
            Assert.Contains("Connecting to OLConnect", ex.Message);
            Assert.Null(store.Get(OperationsSystem.OLConnect));
        }

        [Fact]
        public async Task SkipVerification_stores_the_session_without_any_request()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var store = new SessionStore();
            var session = ConnectCommand.Connect(ConnectRequest(sim, credential: OlCredential(sim)), new ConnectOptions { SkipVerification = true }, store, new RecordingOutput(), CancellationToken.None);
            Assert.Same(session, store.Get(OperationsSystem.OLConnect));
            Assert.Empty(sim.Journal.Snapshot());
        }

        [Fact]
        public async Task WhatIf_describes_the_verification_call_and_sends_nothing()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var store = new SessionStore();
            var output = new RecordingOutput { Approve = false };
            var session = ConnectCommand.Connect(ConnectRequest(sim, credential: OlCredential(sim)), new ConnectOptions(), store, output, CancellationToken.None);
            Assert.Null(session);
            Assert.Null(store.Get(OperationsSystem.OLConnect));
            var (target, action) = Assert.Single(output.ShouldProcessCalls);
            Assert.Equal(sim.BaseUri.AbsoluteUri, target);
            Assert.Contains("GET " + sim.BaseUri + "rest/serverengine/workflow/outputcreation/getOperations", action);
            Assert.Empty(sim.Journal.Snapshot());
        }

        [Fact]
        public async Task Options_given_to_Connect_are_on_the_session()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var request = ConnectRequest(sim, credential: OlCredential(sim), timeoutSec: 7);
            request.MaximumRetryCount = 5;
            request.RetryIntervalSec = 2;
            request.UserAgent = "RunbookX/1.0";
            request.Proxy = new Uri("http://proxy.example:3128");
            var session = ConnectCommand.Connect(request, new ConnectOptions { SkipVerification = true }, new SessionStore(), new RecordingOutput(), CancellationToken.None)!;
            Assert.Equal(7, session.TimeoutSec);
            Assert.Equal(5, session.MaximumRetryCount);
            Assert.Equal(2, session.RetryIntervalSec);
            Assert.Equal("RunbookX/1.0", session.UserAgent);
            Assert.Equal(new Uri("http://proxy.example:3128"), session.Proxy);
            Assert.True(session.AllowUnencryptedAuthentication);
        }

        [Fact]
        public async Task UserAgent_from_Connect_reaches_the_server()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var request = ConnectRequest(sim, credential: OlCredential(sim));
            request.UserAgent = "RunbookX/1.0";
            ConnectCommand.Connect(request, new ConnectOptions(), new SessionStore(), new RecordingOutput(), CancellationToken.None);
            Assert.All(sim.Journal.Snapshot(), r => Assert.Equal("RunbookX/1.0", r.Headers["User-Agent"]));
        }

        /// <summary>
        /// What the cmdlets bind: every command passes its default User-Agent, which must not
        /// replace Connect's; a -UserAgent typed on the command wins for that command only.
        /// </summary>
        [Fact]
        public async Task UserAgent_from_Connect_is_kept_by_later_commands_and_a_typed_one_wins_per_call()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var ids = Enumerable.Range(0, 3).Select(_ => sim.State.OlConnect.AddOperation().Id).ToArray();
            var store = new SessionStore();
            var connect = ConnectRequest(sim, credential: OlCredential(sim));
            connect.UserAgent = "RunbookX/1.0";
            connect.DefaultUserAgent = "OperationsModule/0 PowerShell/7";
            ConnectCommand.Connect(connect, new ConnectOptions { SkipVerification = true }, store, new RecordingOutput(), CancellationToken.None);

            RunStop(new ConnectionRequest(OperationsSystem.OLConnect) { DefaultUserAgent = "OperationsModule/0 PowerShell/7" }, store, new[] { ids[0] });
            RunStop(new ConnectionRequest(OperationsSystem.OLConnect) { DefaultUserAgent = "OperationsModule/0 PowerShell/7", UserAgent = "Once/2.0" }, store, new[] { ids[1] });
            RunStop(new ConnectionRequest(OperationsSystem.OLConnect) { DefaultUserAgent = "OperationsModule/0 PowerShell/7" }, store, new[] { ids[2] });

            var agents = sim.Journal.Snapshot().Where(r => r.Path.Contains("/cancel/")).Select(r => r.Headers["User-Agent"]).ToArray();
            Assert.Equal(new[] { "RunbookX/1.0", "Once/2.0", "RunbookX/1.0" }, agents);
        }

        [Fact]
        public async Task A_new_session_without_a_typed_UserAgent_sends_the_cmdlets_default()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var id = sim.State.OlConnect.AddOperation().Id;
            var request = Connections.PerCall(OperationsSystem.OLConnect, sim.BaseUri, credential: OlCredential(sim));
            request.DefaultUserAgent = "OperationsModule/0 PowerShell/7";

            RunStop(request, new SessionStore(), new[] { id });

            Assert.Equal("OperationsModule/0 PowerShell/7", Assert.Single(sim.Journal.Snapshot()).Headers["User-Agent"]);
        }

        [Fact]
        public void CustomerId_is_refused_for_systems_other_than_BigChange()
        {
            var request = new ConnectionRequest(OperationsSystem.OLConnect) { BaseUri = "https://server:9340/", CustomerId = 4242 };
            var ex = Assert.Throws<InputValidationException>(() => ConnectCommand.Connect(request, new ConnectOptions(), new SessionStore(), new RecordingOutput(), CancellationToken.None));
            Assert.Equal("CustomerId", ex.ParameterName);
        }

        [Fact]
        public async Task Commands_use_the_default_session_and_reuse_its_token()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var ids = Enumerable.Range(0, 5).Select(_ => sim.State.OlConnect.AddOperation().Id).ToArray();
            var store = new SessionStore();
            var session = Connect(sim, store);

            var output = RunStop(new ConnectionRequest(OperationsSystem.OLConnect), store, ids);

            Assert.Empty(output.Failures);
            Assert.Equal(5, output.Objects.Count);
            Assert.All(output.Objects.Cast<CancellationResult>(), r => Assert.Same(session, r.Session));
            Assert.Equal(1, Logins(sim));
            var cancels = sim.Journal.For("/cancel/").ToList();
            Assert.Equal(5, cancels.Count);
            Assert.Single(cancels.Select(c => c.Headers["auth_token"]).Distinct());
            Assert.All(cancels, c => Assert.False(c.Headers.ContainsKey("Authorization")));
            Assert.All(ids, id => Assert.True(sim.State.OlConnect.GetOperation(id)!.Cancelled));
        }

        [Fact]
        public async Task An_expired_token_causes_one_login_and_the_call_succeeds()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var id = sim.State.OlConnect.AddOperation().Id;
            var store = new SessionStore();
            Connect(sim, store);
            sim.State.OlConnect.ExpireTokens();

            var output = RunStop(new ConnectionRequest(OperationsSystem.OLConnect), store, new[] { id });

            Assert.Empty(output.Failures);
            Assert.Equal(2, Logins(sim));
            var cancels = sim.Journal.For("/cancel/").ToList();
            Assert.Equal(new[] { 401, 204 }.Length, cancels.Count);
            Assert.NotEqual(cancels[0].Headers["auth_token"], cancels[1].Headers["auth_token"]);
            Assert.Contains(output.Verbose, v => v.Contains("401, sending again with a renewed token"));
        }

        [Fact]
        public async Task Concurrent_401s_cause_one_login_not_one_each()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var ids = Enumerable.Range(0, 24).Select(_ => sim.State.OlConnect.AddOperation().Id).ToArray();
            var store = new SessionStore();
            Connect(sim, store);
            sim.State.OlConnect.ExpireTokens();
            // Hold every cancel briefly so they are all in flight with the expired token together.
            sim.Faults.Add(FaultAction.Latency(TimeSpan.FromMilliseconds(150)), method: "POST", pathPattern: "/cancel/", times: 8);

            var output = RunStop(new ConnectionRequest(OperationsSystem.OLConnect), store, ids, throttle: 8);

            Assert.Empty(output.Failures);
            Assert.Equal(24, output.Objects.Count);
            Assert.Equal(2, Logins(sim));
            var rejected = sim.Journal.For("/cancel/").Count() - 24;
            Assert.True(rejected >= 2, $"expected several requests to meet the expired token together, saw {rejected}");
        }

        [Fact]
        public async Task Without_a_session_the_error_says_which_command_to_run_and_nothing_is_sent()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var ex = Assert.ThrowsAny<OperationsApiException>(() => RunStop(new ConnectionRequest(OperationsSystem.OLConnect), new SessionStore(), new[] { "5001" }));
            Assert.Equal(ErrorIds.NoSession, ex.ErrorId);
            Assert.Contains("Connect-OperationsServer -System OLConnect -BaseUri https://server:9340", ex.Message);
            Assert.StartsWith("Connect-OperationsServer -System OLConnect", ex.RecommendedAction);
            Assert.Empty(sim.Journal.Snapshot());
        }

        [Fact]
        public async Task Disconnect_by_system_closes_the_default_and_a_later_command_says_connect_first()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var store = new SessionStore();
            Connect(sim, store);
            var output = new RecordingOutput();

            Assert.Equal(1, DisconnectCommand.Disconnect(new[] { OperationsSystem.OLConnect }, store, output));

            Assert.Null(store.Get(OperationsSystem.OLConnect));
            Assert.Empty(store.All());
            var ex = Assert.ThrowsAny<OperationsApiException>(() => RunStop(new ConnectionRequest(OperationsSystem.OLConnect), store, new[] { "5001" }));
            Assert.Equal(ErrorIds.NoSession, ex.ErrorId);
        }

        [Fact]
        public void Disconnect_of_a_system_without_a_session_is_one_non_terminating_error()
        {
            var output = new RecordingOutput();
            Assert.Equal(0, DisconnectCommand.Disconnect(new[] { OperationsSystem.Vcf }, new SessionStore(), output));
            var failure = Assert.Single(output.Failures);
            Assert.Equal(ErrorIds.NoSession, failure.ErrorId);
            Assert.Equal("ObjectNotFound", failure.Category);
            Assert.Equal(OperationsSystem.Vcf, failure.TargetObject);
        }

        [Fact]
        public async Task Disconnect_of_a_piped_session_honours_WhatIf()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var store = new SessionStore();
            var session = Connect(sim, store);
            Assert.False(DisconnectCommand.Disconnect(session, store, new RecordingOutput { Approve = false }));
            Assert.Same(session, store.Get(OperationsSystem.OLConnect));
            Assert.True(DisconnectCommand.Disconnect(session, store, new RecordingOutput()));
            Assert.Null(store.Get(OperationsSystem.OLConnect));
        }

        [Fact]
        public async Task A_replaced_session_is_closed_and_using_it_names_the_Session_parameter()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var store = new SessionStore();
            var first = Connect(sim, store);
            var second = Connect(sim, store);
            Assert.Same(second, store.Get(OperationsSystem.OLConnect));
            sim.Journal.Clear();

            var ex = Assert.Throws<InputValidationException>(() => RunStop(new ConnectionRequest(OperationsSystem.OLConnect) { Session = first }, store, new[] { "5001" }));
            Assert.Equal("Session", ex.ParameterName);
            Assert.Contains("connect again", ex.Message);
            Assert.Empty(sim.Journal.Snapshot());
        }

        [Fact]
        public async Task Each_session_keeps_one_connection_across_calls()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var ids = Enumerable.Range(0, 6).Select(_ => sim.State.OlConnect.AddOperation().Id).ToArray();
            var store = new SessionStore();
            var session = Connect(sim, store);
            var transport = session.Transport;
            RunStop(new ConnectionRequest(OperationsSystem.OLConnect), store, ids.Take(3), throttle: 1);
            RunStop(new ConnectionRequest(OperationsSystem.OLConnect) { Session = session }, store, ids.Skip(3), throttle: 1);
            Assert.Same(transport, session.Transport);
            Assert.All(ids, id => Assert.True(sim.State.OlConnect.GetOperation(id)!.Cancelled));
        }
    }
}
