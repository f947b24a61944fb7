using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.OLConnect;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Core.Tests.Systems.OLConnect;
using OperationsModule.Simulator;
using Xunit;
using static OperationsModule.Core.Tests.Security.SecurityHarness;

namespace OperationsModule.Core.Tests.Sessions
{
    /// <summary>
    /// A command keeps the connection it started with, so a Connect or Disconnect elsewhere never pulls it from under it. Connect replacing the default session, or
    /// Disconnect, retires it; the commands holding it finish on it, and it closes when the last of them ends.
    /// </summary>
    public sealed class SessionLeaseTests
    {
        private static WaitOptions Polling(FakeWaitClock clock) => new WaitOptions(TimeSpan.Zero, null, clock);

        [Theory]
        [InlineData("reconnect")]
        [InlineData("disconnect")]
        public async Task Submit_Wait_outlives_a_reconnect_or_disconnect_made_while_it_waits(string drop)
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { ProgressStepPercent = 25 });
            var store = new SessionStore();
            var held = Connect(sim, store);
            var dropOutput = new RecordingOutput();
            // Between the first and second progress poll, another runspace replaces or drops the default session.
            var clock = new FakeWaitClock((n, _) =>
            {
                if (n == 1)
                {
                    if (drop == "reconnect") Connect(sim, store, dropOutput);
                    else DisconnectCommand.Disconnect(new[] { OperationsSystem.OLConnect }, store, dropOutput);
                    Assert.False(held.IsClosed && held.ActiveLeases == 0); // still held by the waiting Submit
                }
                return Task.CompletedTask;
            });
            var output = new RecordingOutput();
            var plan = new ConnectionPlan(new ConnectionRequest(OperationsSystem.OLConnect), store, output);
            using (var command = new SubmitOutputCreationCommand(plan.For(null), "1001", createOnly: true, output, CancellationToken.None) { Wait = Polling(clock) })
            {
                command.Add(new long[] { 1 });
                await Task.Run(() => command.Complete());
                Assert.Equal(1, held.ActiveLeases);
            }

            var operation = output.Single<OutputCreationOperation>();
            Assert.Equal("Completed", operation.State);
            Assert.Same(held, operation.Session);
            Assert.Empty(output.Failures);
            Assert.True(clock.Delays.Count >= 3, "the wait went on polling after the drop");
            Assert.Contains(dropOutput.Verbose, v => v.Contains("still used by 1 running command: it finishes on it"));
            Assert.True(held.IsClosed);
            Assert.Equal(0, held.ActiveLeases);
        }

        [Fact]
        public async Task A_Submit_whose_wait_fails_after_the_server_accepted_reports_the_operationId()
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { ProgressStepPercent = 25 });
            // Anything the wait did not expect (here: the connection closed under it).
            var clock = new FakeWaitClock((n, _) => throw new ObjectDisposedException("System.Net.Http.HttpClient"));
            var output = new RecordingOutput();
            using (var command = new SubmitOutputCreationCommand(OutputCreationFixture.Connect(sim), "1001", createOnly: true, output, CancellationToken.None) { Wait = Polling(clock) })
            {
                command.Add(new long[] { 1 });
                await Task.Run(() => command.Complete());
            }

            var accepted = Assert.Single(sim.State.OlConnect.Operations).Id;
            var failure = Assert.Single(output.Failures);
            Assert.Empty(output.Objects);
            Assert.Equal(accepted, failure.TargetObject);
            Assert.Contains($"accepted output creation operation '{accepted}'", failure.Exception.Message);
            Assert.Contains($"Wait-OutputCreation -OperationId '{accepted}'", failure.RecommendedAction);
            Assert.Contains($"Stop-OutputCreation -OperationId '{accepted}'", failure.RecommendedAction);
        }

        [Fact]
        public async Task A_Submit_whose_progress_poll_fails_after_the_server_accepted_reports_the_operationId()
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { ProgressStepPercent = 25 });
            sim.Faults.Add(FaultAction.Status(500), method: "GET", pathPattern: "getProgress");
            var output = new RecordingOutput();
            var request = OutputCreationFixture.Request(sim);
            using (var command = new SubmitOutputCreationCommand(Connections.Resolve(request), "1001", createOnly: true, output, CancellationToken.None) { Wait = Polling(new FakeWaitClock()) })
            {
                command.Add(new long[] { 1 });
                await Task.Run(() => command.Complete());
            }

            var accepted = Assert.Single(sim.State.OlConnect.Operations).Id;
            var failure = Assert.Single(output.Failures);
            Assert.Equal(accepted, failure.TargetObject);
            Assert.Contains(accepted, failure.Exception.RequestUri!.ToString());
        }

        [Fact]
        public async Task A_typed_Session_that_was_replaced_before_the_command_started_is_refused()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var store = new SessionStore();
            var first = Connect(sim, store);
            Connect(sim, store);

            var ex = Assert.Throws<InputValidationException>(() => new ConnectionPlan(new ConnectionRequest(OperationsSystem.OLConnect) { Session = first }, store));
            Assert.Equal("Session", ex.ParameterName);
            Assert.Equal(0, first.ActiveLeases);
        }

        [Fact]
        public async Task The_default_session_looked_up_after_a_reconnect_is_the_new_one()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var store = new SessionStore();
            var first = Connect(sim, store);
            using (var plan = new ConnectionPlan(new ConnectionRequest(OperationsSystem.OLConnect), store))
            {
                Assert.Same(first, plan.For(null).Session);
                var second = Connect(sim, store);
                Assert.Same(first, plan.For(null).Session); // this command keeps the one it started with
                using var later = new ConnectionPlan(new ConnectionRequest(OperationsSystem.OLConnect), store);
                Assert.Same(second, later.For(null).Session);
            }
            Assert.True(first.IsClosed);
        }
    }
}
