using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.OLConnect;
using OperationsModule.Core.Systems.OLConnect.Listing;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Core.Tests.Systems.OLConnect;
using OperationsModule.Core.Waiting;
using OperationsModule.Simulator;
using OperationsModule.Simulator.Faults;
using Xunit;

namespace OperationsModule.Core.Tests.Systems.OLConnect
{
    /// <summary>Stop-OutputCreation -Wait: getProgress after the cancel until the operation leaves the list (404 = cancelled).</summary>
    public sealed class StopOutputCreationWaitTests
    {
        private static RecordingOutput StopAndWait(SimulatorServer sim, FakeWaitClock clock, TimeSpan timeout, params string[] ids)
        {
            var output = new RecordingOutput();
            var request = Connections.PerCall(OperationsSystem.OLConnect, sim.BaseUri, credential: Connections.Credential("ol-admin", "ol-secret-pass"));
            using var command = new StopCommand(OutputCreationCancelEndpoint.Instance, new ConnectionPlan(request, new SessionStore()), 4, output, CancellationToken.None);
            command.ConfirmWith(OutputCreationStateReader.Instance, new WaitSchedule(timeout, clock));
            foreach (var id in ids)
            {
                command.Process(id);
                command.Flush();
            }
            command.Complete();
            return output;
        }

        [Fact]
        public async Task A_cancel_that_takes_effect_later_is_polled_until_the_operation_is_gone_then_reads_Cancelled()
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { OlConnectCancelPolls = 2 });
            sim.State.OlConnect.AddOperation("op-1", progress: 30);
            var clock = new FakeWaitClock();

            var output = StopAndWait(sim, clock, TimeSpan.FromMinutes(5), "op-1");

            var result = output.Single<CancellationResult>();
            Assert.Equal(("Cancelled", 204), (result.Status, result.StatusCode));
            Assert.NotNull(result.ConfirmedAt);
            Assert.Equal(3, sim.Journal.Snapshot().Count(r => r.Path.EndsWith("/getProgress/op-1", StringComparison.Ordinal)));
            Assert.Equal(2, clock.Delays.Count);
        }

        [Fact]
        public async Task A_gateway_error_while_polling_is_read_again_and_a_failed_cancel_is_never_polled()
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { OlConnectCancelPolls = 1 });
            sim.State.OlConnect.AddOperation("op-2", progress: 30);
            sim.Faults.Add(new FaultRule(FaultAction.Status(502)) { PathPattern = "/getProgress/op-2$", Times = 1 });

            var output = StopAndWait(sim, new FakeWaitClock(), TimeSpan.FromMinutes(5), "op-2", "no-such-op");

            Assert.Equal("Cancelled", output.Single<CancellationResult>().Status);
            Assert.Equal(ErrorIds.NotFound, Assert.Single(output.Failures).ErrorId);
            Assert.DoesNotContain(sim.Journal.Snapshot(), r => r.Path.EndsWith("/getProgress/no-such-op", StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_cancel_still_stopping_at_the_wait_bound_is_one_WaitTimedOut_error_naming_the_last_state()
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { OlConnectCancelPolls = 1000 });
            sim.State.OlConnect.AddOperation("op-3", progress: 30);

            var output = StopAndWait(sim, new FakeWaitClock(), TimeSpan.FromSeconds(30), "op-3");

            var failure = Assert.Single(output.Failures);
            Assert.Empty(output.Objects);
            Assert.Equal(ErrorIds.WaitTimedOut, failure.ErrorId);
            Assert.Contains("still Running", failure.Exception.Message, StringComparison.Ordinal);
            Assert.Contains("Get-OutputCreation -OperationId 'op-3'", failure.RecommendedAction, StringComparison.Ordinal);
        }
    }
}
