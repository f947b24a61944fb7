using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;
using Xunit;
using static OperationsModule.Core.Tests.Systems.Shared.StopRun;
using static OperationsModule.Core.Tests.Systems.Vcf.StopTaskTests;

namespace OperationsModule.Core.Tests.Systems.Vcf
{
    /// <summary>
    /// Every VCF login is revoked once the command or session that made it ends, so no refresh token outlives it on the server. Each test counts, in the
    /// simulator's journal, the logins (POST /v1/tokens) and the revocations (DELETE /v1/tokens/refresh-token).
    /// </summary>
    public sealed class VcfLoginRevocationTests
    {
        private const string RevokePath = "/v1/tokens/refresh-token";

        private static int Logins(SimulatorServer sim) => Requests(sim, "POST", "/v1/tokens").Count;

        private static int Revocations(SimulatorServer sim) => Requests(sim, "DELETE", RevokePath).Count;

        private static void AssertBalanced(SimulatorServer sim, int logins)
        {
            Assert.Equal(logins, Logins(sim));
            Assert.Equal(logins, Revocations(sim));
            Assert.Equal(logins, sim.State.Vcf.TokensRevoked); // each revocation named a refresh token the server had issued
        }

        [Fact]
        public async Task Per_call_success_revokes_after_the_last_request()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Vcf.AddTasks(new[] { "t-1", "t-2", "t-3" });
            var output = new RecordingOutput();
            using (var command = new StopCommand(Endpoint, new ConnectionPlan(WithLogin(sim), new SessionStore(), output), 2, output, CancellationToken.None))
            {
                foreach (var id in new[] { "t-1", "t-2", "t-3" }) command.Process(id);
                Assert.True(command.Complete());
                Assert.Equal(0, Revocations(sim)); // nothing before the command ends
            }

            Assert.Equal(3, output.Objects.Count);
            Assert.Empty(output.Failures);
            AssertBalanced(sim, logins: 1);
            Assert.Equal("DELETE " + RevokePath, Sequence(sim).Last());
            Assert.Contains(output.Verbose, v => v.StartsWith("Revoked the SDDC Manager refresh token (DELETE "));
            Assert.Empty(output.Warnings);
        }

        [Fact]
        public async Task Per_call_failure_of_every_item_still_revokes()
        {
            await using var sim = await SimulatorServer.StartAsync();

            var output = Run(Endpoint, WithLogin(sim), "missing-1", "missing-2");

            Assert.Equal(2, output.Failures.Count);
            Assert.All(output.Failures, f => Assert.Equal(ErrorIds.NotFound, f.ErrorId));
            AssertBalanced(sim, logins: 1);
        }

        [Fact]
        public async Task Per_call_login_refused_has_nothing_to_revoke()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Vcf.AddTask("t-1");

            var output = Run(Endpoint, WithLogin(sim, password: "wrong"), "t-1");

            Assert.Equal(ErrorIds.Unauthorized, SingleFailure(output).ErrorId);
            Assert.Equal(1, Logins(sim));
            Assert.Equal(0, Revocations(sim));
            Assert.Equal(0, sim.State.Vcf.TokensIssued);
        }

        [Fact]
        public async Task Ctrl_C_mid_run_revokes_when_the_command_is_disposed()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Vcf.AddTasks(new[] { "t-1", "t-2" });
            // t-2 never answers: the run is mid-request when Ctrl+C comes.
            sim.Faults.Add(FaultAction.NeverAnswer(), method: "DELETE", pathPattern: "/v1/tasks/t-2");
            using var stop = new CancellationTokenSource();
            // t-1's result is written once t-1 finished, so the login is done; the worker has started t-2 by then.
            var output = new HookedOutput { OnObject = _ => stop.Cancel() };
            var command = new StopCommand(Endpoint, new ConnectionPlan(WithLogin(sim), new SessionStore(), output), throttleLimit: 1, output, stop.Token);
            command.Process("t-1");
            command.Process("t-2");

            Assert.False(command.Complete()); // stopped
            command.Dispose(); // what the cmdlet does after StopProcessing

            Assert.Single(output.Recorded.Objects);
            AssertBalanced(sim, logins: 1);
            // The revocation warns of nothing. t-2 is named: cut short in flight, or never sent when the stop came before
            // the thread pool started it.
            var warning = Assert.Single(output.Recorded.Warnings);
            Assert.Matches("^Stopped (while the cancels of 1 Vcf Task item were under way; |before sending the cancels of 1 Vcf Task item, )", warning);
            Assert.EndsWith(": 't-2'.", warning);
        }

        [Fact]
        public async Task ErrorAction_Stop_after_a_failure_revokes_when_the_command_is_disposed()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Vcf.AddTask("t-2");
            using var stop = new CancellationTokenSource();
            // -ErrorAction Stop: writing the first error record throws out of the pipeline.
            var output = new HookedOutput { OnFailure = _ => throw new InvalidOperationException("ActionPreferenceStop") };
            var command = new StopCommand(Endpoint, new ConnectionPlan(WithLogin(sim), new SessionStore(), output), throttleLimit: 1, output, stop.Token);
            command.Process("missing");
            command.Process("t-2");

            Assert.Throws<InvalidOperationException>(() => command.Complete());
            stop.Cancel(); // the cmdlet's Dispose stops what is in flight, then ends its connections
            command.Dispose();

            AssertBalanced(sim, logins: 1);
        }

        [Fact]
        public async Task A_revocation_that_gets_no_answer_is_bounded_and_one_warning()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Vcf.AddTask("t-1");
            sim.Faults.Add(FaultAction.NeverAnswer(), method: "DELETE", pathPattern: RevokePath);
            var output = new RecordingOutput();
            var plan = new ConnectionPlan(WithLogin(sim), new SessionStore(), output);
            plan.For(null).Session.RevocationTimeout = TimeSpan.FromMilliseconds(300);
            using (var command = new StopCommand(Endpoint, plan, 1, output, CancellationToken.None))
            {
                command.Process("t-1");
                Assert.True(command.Complete());
            }

            Assert.Single(output.Objects);
            Assert.Empty(output.Failures);
            var warning = Assert.Single(output.Warnings);
            Assert.Contains("got no answer within 0.3 s", warning);
            Assert.Equal(1, Revocations(sim)); // sent, once: the server simply never answered
        }

        [Fact]
        public async Task A_failed_revocation_at_the_end_of_a_per_call_command_is_one_warning_and_the_results_stand()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Vcf.AddTasks(new[] { "t-1", "t-2" });
            sim.Faults.Add(FaultAction.Status(500, body: "{\"errorCode\":\"INTERNAL\",\"message\":\"Token service down.\"}"), method: "DELETE", pathPattern: RevokePath);
            var output = new RecordingOutput();
            using (var command = new StopCommand(Endpoint, new ConnectionPlan(WithLogin(sim), new SessionStore(), output), 2, output, CancellationToken.None))
            {
                command.Process("t-1");
                command.Process("t-2");
                Assert.True(command.Complete());
            }

            Assert.Equal(2, output.Objects.Count);
            Assert.Empty(output.Failures);
            Assert.StartsWith("Revoking the SDDC Manager refresh token failed: DELETE ", Assert.Single(output.Warnings));
        }

        [Theory]
        [InlineData(500, 2)] // the refresh failed, the first refresh token may still be valid: both are revoked
        [InlineData(404, 1)] // the server said the first refresh token is gone: only the new one is left to revoke
        public async Task A_login_again_after_a_failed_refresh_leaves_no_earlier_refresh_token_behind(int refreshStatus, int revocations)
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Vcf.AddTasks(new[] { "t-1", "t-2" });
            sim.Faults.Add(FaultAction.Status(refreshStatus, body: "{\"errorCode\":\"X\",\"message\":\"refresh refused\"}"), method: "PATCH", pathPattern: "/v1/tokens/access-token/refresh");
            var output = new RecordingOutput();
            using (var command = new StopCommand(Endpoint, new ConnectionPlan(WithLogin(sim), new SessionStore(), output), 1, output, CancellationToken.None))
            {
                command.Process("t-1");
                Assert.True(command.Complete());
                sim.State.Vcf.ExpireAccessTokens(); // t-2 meets a 401, the refresh is refused, the module logs in again
                command.Process("t-2");
                Assert.True(command.Complete());
            }

            Assert.Equal(2, output.Objects.Count);
            Assert.Equal(2, Logins(sim));
            Assert.Equal(revocations, Revocations(sim));
            Assert.Equal(revocations, sim.State.Vcf.TokensRevoked);
            if (refreshStatus == 500)
                Assert.All(sim.State.Vcf.IssuedSecrets().Where(s => Guid.TryParse(s, out _)), id => Assert.False(sim.State.Vcf.IsRefreshTokenValid(id)));
            Assert.Empty(output.Warnings);
        }

        [Fact]
        public async Task A_per_call_token_is_the_users_and_is_never_revoked()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Vcf.AddTask("t-1");
            var token = await AccessTokenAsync(sim);
            sim.Journal.Clear();

            var output = Run(Endpoint, Connections.PerCall(OperationsSystem.Vcf, sim.BaseUri, token: Connections.Secret(token)), "t-1");

            Assert.Single(output.Objects);
            Assert.Equal(new[] { "DELETE /v1/tasks/t-1" }, Sequence(sim));
        }

        [Fact]
        public async Task A_reused_carried_object_logs_in_again_and_revokes_again()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Vcf.AddTasks(new[] { "t-1", "t-2", "t-3" });
            var first = Run(Endpoint, WithLogin(sim), "t-1");
            var carried = first.Single<CancellationResult>().Session!;
            AssertBalanced(sim, logins: 1);

            foreach (var id in new[] { "t-2", "t-3" })
            {
                var output = new RecordingOutput();
                using (var command = new StopCommand(Endpoint, new ConnectionPlan(new ConnectionRequest(OperationsSystem.Vcf), new SessionStore(), output), 1, output, CancellationToken.None))
                {
                    command.Process(id, null, carried);
                    Assert.True(command.Complete());
                }
                Assert.Empty(output.Failures);
            }

            AssertBalanced(sim, logins: 3);
        }

        [Fact]
        public async Task Reconnect_revokes_the_replaced_session_and_Disconnect_the_last()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var store = new SessionStore();
            ConnectCommand.Connect(WithLogin(sim), new ConnectOptions(), store, new RecordingOutput(), CancellationToken.None);
            var output = new RecordingOutput();

            ConnectCommand.Connect(WithLogin(sim), new ConnectOptions(), store, output, CancellationToken.None);

            Assert.Equal(2, Logins(sim));
            Assert.Equal(1, Revocations(sim));
            Assert.Contains(output.Verbose, v => v.StartsWith("Revoked the SDDC Manager refresh token (DELETE "));
            DisconnectCommand.Disconnect(new[] { OperationsSystem.Vcf }, store, new RecordingOutput());
            AssertBalanced(sim, logins: 2);
        }

        [Fact]
        public async Task Reconnect_WhatIf_names_the_revocation_of_the_current_session_and_sends_nothing()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var store = new SessionStore();
            var current = ConnectCommand.Connect(WithLogin(sim), new ConnectOptions(), store, new RecordingOutput(), CancellationToken.None)!;
            sim.Journal.Clear();
            var output = new RecordingOutput { Approve = false };

            Assert.Null(ConnectCommand.Connect(WithLogin(sim), new ConnectOptions(), store, output, CancellationToken.None));

            var (_, action) = Assert.Single(output.ShouldProcessCalls);
            Assert.Contains($"closing the current session {current} (revoke the SDDC Manager refresh token: DELETE {new Uri(sim.BaseUri, RevokePath.TrimStart('/'))}", action);
            Assert.Empty(sim.Journal.Snapshot());
            Assert.Same(current, store.Get(OperationsSystem.Vcf));
        }

        [Fact]
        public async Task A_Connect_whose_verification_fails_after_the_login_revokes_that_login()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.Status(500, body: "{\"errorCode\":\"INTERNAL\",\"message\":\"down\"}"), method: "GET", pathPattern: "/v1/tasks/");

            Assert.ThrowsAny<OperationsApiException>(() => ConnectCommand.Connect(WithLogin(sim), new ConnectOptions(), new SessionStore(), new RecordingOutput(), CancellationToken.None));

            AssertBalanced(sim, logins: 1);
        }

        [Theory]
        [InlineData("reconnect")]
        [InlineData("disconnect")]
        public async Task Dropping_a_session_a_bulk_run_holds_lets_every_item_finish_and_revokes_when_the_run_ends(string drop)
        {
            await using var sim = await SimulatorServer.StartAsync();
            var ids = Enumerable.Range(1, 8).Select(i => "t-" + i).ToArray();
            sim.State.Vcf.AddTasks(ids);
            // Cancels take a moment, so several are in flight when the session is dropped.
            sim.Faults.Add(FaultAction.Latency(TimeSpan.FromMilliseconds(50)), method: "DELETE", pathPattern: "/v1/tasks/");
            var store = new SessionStore();
            var held = ConnectCommand.Connect(WithLogin(sim), new ConnectOptions(), store, new RecordingOutput(), CancellationToken.None)!;
            var dropOutput = new RecordingOutput();
            var revocationsAtDrop = -1;
            var output = new HookedOutput
            {
                // Another runspace drops the session as the run reaches its fifth item.
                OnShouldProcess = target =>
                {
                    if (target != "t-5") return;
                    if (drop == "reconnect") ConnectCommand.Connect(WithLogin(sim), new ConnectOptions(), store, dropOutput, CancellationToken.None);
                    else DisconnectCommand.Disconnect(new[] { OperationsSystem.Vcf }, store, dropOutput);
                    revocationsAtDrop = Revocations(sim);
                },
            };
            var command = new StopCommand(Endpoint, new ConnectionPlan(new ConnectionRequest(OperationsSystem.Vcf), store, output), throttleLimit: 4, output, CancellationToken.None);
            foreach (var id in ids) command.Process(id);
            Assert.True(command.Complete());
            var revocationsBeforeEnd = Revocations(sim);
            command.Dispose();

            Assert.Empty(output.Recorded.Failures);
            Assert.Equal(ids.OrderBy(i => i), output.Recorded.Objects.Cast<CancellationResult>().Select(r => r.Id).OrderBy(i => i));
            Assert.All(output.Recorded.Objects.Cast<CancellationResult>(), r => Assert.Same(held, r.Session));
            Assert.Equal(0, revocationsAtDrop);
            Assert.Equal(0, revocationsBeforeEnd);
            Assert.Contains(dropOutput.Verbose, v => v.Contains("still used by 1 running command: it finishes on it"));
            Assert.Contains(output.Recorded.Verbose, v => v.StartsWith("Revoked the SDDC Manager refresh token (DELETE "));
            Assert.True(held.IsClosed);
            Assert.Equal(0, held.ActiveLeases);
            DisconnectCommand.Disconnect(Array.Empty<OperationsSystem>(), store, new RecordingOutput()); // all that are left
            AssertBalanced(sim, logins: drop == "reconnect" ? 2 : 1);
        }
    }
}
