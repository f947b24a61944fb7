using System;
using System.Linq;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.OLConnect.Listing;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Core.Tests.Systems.Shared;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.Core.Tests.Systems.OLConnect
{
    /// <summary>Get-OutputCreation's Core against the simulator: getOperations as one page, getProgress by ID.</summary>
    public sealed class GetOutputCreationTests
    {
        private static ConnectionRequest Admin(SimulatorServer sim, string password = "ol-secret-pass") =>
            Connections.PerCall(OperationsSystem.OLConnect, sim.BaseUri, credential: Connections.Credential("ol-admin", password));

        private static RecordingOutput List(ConnectionRequest request) =>
            FindRun.List(request, (connection, command) => command.List(new OutputCreationPageSource(connection), connection));

        [Fact]
        public async Task The_running_operations_are_listed_with_their_details_in_one_request()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var op = sim.State.OlConnect.AddOperation("op-a", progress: 40);
            sim.State.OlConnect.AddOperation("op-b", progress: 10);

            var output = List(Admin(sim));

            Assert.Empty(output.Failures);
            var ops = output.Objects.Cast<Models.OutputCreation>().ToList();
            Assert.Equal(new[] { "op-a", "op-b" }, ops.Select(o => o.OperationId));
            var first = ops[0];
            Assert.Equal(("Running", (int?)40, true, "OutputCreationRestService", "Creating output", sim.BaseUri),
                (first.Status, first.PercentComplete, first.IsCancellable, first.Type, first.SubTask, first.Server));
            Assert.Equal(op.StartTime.ToUnixTimeMilliseconds(), first.StartedAt!.Value.ToUnixTimeMilliseconds());
            Assert.Single(sim.Journal.Snapshot(), r => r.Path.EndsWith("/getOperations", StringComparison.Ordinal));
        }

        [Fact]
        public async Task An_empty_list_is_zero_objects_and_a_refused_password_is_one_error()
        {
            await using var sim = await SimulatorServer.StartAsync();

            var empty = List(Admin(sim));
            var refused = List(Admin(sim, "wrong"));

            Assert.Equal((0, 0), (empty.Objects.Count, empty.Failures.Count));
            Assert.Equal(ErrorIds.Unauthorized, Assert.Single(refused.Failures).ErrorId);
        }

        [Fact]
        public async Task By_ID_a_percentage_is_Running_done_is_Completed_and_a_gone_one_is_NotFound_with_advice()
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { ProgressStepPercent = 10 });
            sim.State.OlConnect.AddOperation("run", progress: 20);
            sim.State.OlConnect.AddOperation("fin", progress: 100);

            var output = FindRun.Read(Admin(sim), OutputCreationItemReader.Instance, null, "run", "fin", "gone", "..");

            var ops = output.Objects.Cast<Models.OutputCreation>().OrderBy(o => o.OperationId).ToList();
            Assert.Equal(new[] { ("fin", "Completed", (int?)100, false), ("run", "Running", (int?)30, true) },
                ops.Select(o => (o.OperationId, o.Status, o.PercentComplete, o.IsCancellable)));
            var gone = output.Failures.Single(f => Equals(f.TargetObject, "gone"));
            Assert.Equal(ErrorIds.NotFound, gone.ErrorId);
            Assert.Contains("Get-OutputCreationResult -OperationId 'gone'", gone.RecommendedAction, StringComparison.Ordinal);
            Assert.Equal(ErrorIds.InvalidParameter, output.Failures.Single(f => Equals(f.TargetObject, "..")).ErrorId);
        }
    }
}
