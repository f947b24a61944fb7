using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.OLConnect;
using OperationsModule.Core.Systems.OLConnect.Listing;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Core.Tests.Systems.OLConnect;
using OperationsModule.Core.Waiting;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.Core.Tests.Waiting
{
    /// <summary>
    /// -Wait with -ErrorAction Stop: the cancels the server accepted before the failure are confirmed and written
    /// before the failure ends the command, not dropped with the -Wait stage.
    /// </summary>
    public sealed class StopAtFailureWaitTests
    {
        [Fact]
        public async Task Accepted_cancels_are_confirmed_and_written_before_the_failure_that_ends_the_command()
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { OlConnectCancelPolls = 2 });
            var ids = new[] { "op-0", "op-1", "op-2", "missing-3", "op-4" };
            foreach (var id in ids.Where(i => i.StartsWith("op-", StringComparison.Ordinal))) sim.State.OlConnect.AddOperation(id, progress: 30);
            var output = new RecordingOutput { PipelineThreadId = Environment.CurrentManagedThreadId, StopsAtFailure = true, FailureTerminates = true };
            var request = Connections.PerCall(OperationsSystem.OLConnect, sim.BaseUri, credential: Connections.Credential(sim.Options.OlConnectUser, sim.Options.OlConnectPassword));
            using var command = new StopCommand(OutputCreationCancelEndpoint.Instance, new ConnectionPlan(request, new SessionStore()), 1, output, CancellationToken.None);
            command.ConfirmWith(OutputCreationStateReader.Instance, new WaitSchedule(TimeSpan.FromMinutes(5), new FakeWaitClock()));

            var ended = Assert.Throws<TerminatedByFailureException>(() =>
            {
                foreach (var id in ids)
                {
                    if (!command.Process(id)) return;
                    command.Flush();
                }
                command.Complete();
            });

            Assert.Equal("missing-3", ended.Failure.TargetObject);
            var confirmed = output.Objects.Cast<CancellationResult>().ToList();
            Assert.Equal(new[] { "op-0", "op-1", "op-2" }, confirmed.Select(r => r.Id).OrderBy(id => id));
            Assert.All(confirmed, r => Assert.Equal("Cancelled", r.Status));
            Assert.DoesNotContain(sim.Journal.Snapshot(), r => r.Path.EndsWith("/cancel/op-4", StringComparison.Ordinal));
        }
    }
}
