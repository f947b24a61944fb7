using System.Linq;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Listing;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.Onedata;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Core.Tests.Systems.Shared;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.Core.Tests.Systems.Onedata
{
    /// <summary>Get-WorkflowExecution's Core path against the simulated Oneprovider: token paging, phases, details by ID.</summary>
    public sealed class GetWorkflowExecutionTests
    {
        private const string Space = "/api/v3/oneprovider/spaces/s-1/automation/execution/workflows";
        private const string Details = "/api/v3/oneprovider/automation/execution/workflows/";

        private static ConnectionRequest Onedata(SimulatorServer sim) =>
            Connections.PerCall(OperationsSystem.Onedata, sim.BaseUri, token: Connections.Secret(sim.Options.OnedataToken));

        private static RecordingOutput List(SimulatorServer sim, string spaceId, string phase, int throttleLimit = 8) =>
            FindRun.List(Onedata(sim), (connection, command) => command.ListThenRead(new WorkflowExecutionPageSource(connection, spaceId, phase), WorkflowExecutionItemReader.Instance, connection), throttleLimit);

        [Fact]
        public async Task The_list_follows_nextPageToken_to_isLast_and_reads_each_execution()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Listing.OnedataPageLimit = 2;
            foreach (var i in Enumerable.Range(1, 5)) sim.State.Onedata.AddExecution($"w-{i}", "active", "s-1", $"Workflow {i}");
            sim.State.Onedata.AddExecution("other-space", "active", "s-2", null);

            var output = List(sim, "s-1", "ongoing", throttleLimit: 2);

            var executions = output.Objects.OfType<WorkflowExecution>().OrderBy(e => e.ExecutionId).ToList();
            Assert.Equal(new[] { "w-1", "w-2", "w-3", "w-4", "w-5" }, executions.Select(e => e.ExecutionId));
            Assert.All(executions, e => Assert.Equal(("active", "ongoing", "s-1"), (e.Status, e.Phase, e.SpaceId)));
            Assert.Equal("Workflow 3", executions[2].Name);
            Assert.NotNull(executions[0].ScheduledAt);
            Assert.Null(executions[0].FinishedAt);
            var pages = sim.Journal.Snapshot().Where(r => r.Path == Space).Select(r => r.Query).ToList();
            Assert.Equal(3, pages.Count);
            Assert.Equal("?phase=ongoing&limit=1000", pages[0]);
            Assert.All(pages.Skip(1), q => Assert.Contains("&token=", q));
            Assert.Equal(5, sim.Journal.Snapshot().Count(r => r.Path.StartsWith(Details)));
        }

        [Theory]
        [InlineData("ended", new[] { "done", "gone" })]
        [InlineData("suspended", new[] { "held" })]
        [InlineData("waiting", new[] { "next" })]
        [InlineData("ongoing", new[] { "run" })]
        public async Task Each_phase_lists_its_executions(string phase, string[] expected)
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Onedata.AddExecution("run", "active");
            sim.State.Onedata.AddExecution("done", "finished");
            sim.State.Onedata.AddExecution("gone", "cancelled");
            sim.State.Onedata.AddExecution("held", "paused");
            sim.State.Onedata.AddExecution("next", "scheduled");

            var output = List(sim, "s-1", phase);

            Assert.Equal(expected, output.Objects.OfType<WorkflowExecution>().Select(e => e.ExecutionId).OrderBy(i => i));
            Assert.All(output.Objects.OfType<WorkflowExecution>(), e => Assert.Equal(phase, e.Phase));
        }

        [Fact]
        public async Task No_execution_in_the_phase_is_zero_objects_and_no_error()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Onedata.AddExecution("done", "finished");

            var output = List(sim, "s-1", "ongoing");

            Assert.Empty(output.Objects);
            Assert.Empty(output.Failures);
        }

        [Fact]
        public async Task A_server_that_repeats_its_page_token_ends_with_one_clear_error()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Listing.OnedataPageLimit = 2;
            sim.State.Listing.OnedataRepeatToken = true;
            foreach (var i in Enumerable.Range(1, 9)) sim.State.Onedata.AddExecution($"w-{i}");

            var output = List(sim, "s-1", "ongoing");

            var failure = Assert.Single(output.Failures);
            Assert.IsType<PagingException>(failure.Exception);
            Assert.Contains("was given before: following it would loop forever", failure.Exception.Message);
            Assert.Equal(2, sim.Journal.Snapshot().Count(r => r.Path == Space));
            // What was listed before the loop showed is still read and written, each once.
            Assert.Equal(4, output.Objects.OfType<WorkflowExecution>().Select(e => e.ExecutionId).Distinct().Count());
        }

        [Fact]
        public async Task A_bad_token_on_the_list_is_one_error_in_Onedatas_words()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var request = Connections.PerCall(OperationsSystem.Onedata, sim.BaseUri, token: Connections.Secret("nonsense"));

            var output = FindRun.List(request, (connection, command) => command.ListThenRead(new WorkflowExecutionPageSource(connection, "s-1", "ongoing"), WorkflowExecutionItemReader.Instance, connection));

            var failure = Assert.Single(output.Failures);
            Assert.Equal("badToken", failure.Exception.VendorError?.Code);
            Assert.Empty(output.Objects);
        }

        [Fact]
        public async Task Reading_by_ID_gives_the_execution_or_one_error_per_ID()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Onedata.AddExecution("11a53ed06d175c89bc3ed5be61f8217cch1890", "finished");

            var output = FindRun.Read(Onedata(sim), WorkflowExecutionItemReader.Instance, null, "11a53ed06d175c89bc3ed5be61f8217cch1890", "nope", " ");

            var execution = output.Single<WorkflowExecution>();
            Assert.Equal(("finished", "ended"), (execution.Status, execution.Phase));
            Assert.NotNull(execution.FinishedAt);
            Assert.Contains(output.Failures, f => f.ErrorId == ErrorIds.NotFound && (string?)f.TargetObject == "nope");
            Assert.Contains(output.Failures, f => f.ErrorId == ErrorIds.InvalidParameter && f.Exception.Message.Contains("-ExecutionId"));
        }

        [Theory]
        [InlineData("Ended", "ended")]
        [InlineData("ONGOING", "ongoing")]
        public void A_phase_is_taken_in_any_case(string given, string expected) =>
            Assert.Equal(expected, WorkflowExecutionStates.Spelling.ParseFilter("Phase", new[] { given }, WorkflowExecutionStates.Phases)![0]);

        [Fact]
        public void An_unknown_phase_is_refused_naming_the_allowed_values()
        {
            var error = Assert.Throws<InputValidationException>(() => WorkflowExecutionStates.Spelling.ParseFilter("Phase", new[] { "running" }, WorkflowExecutionStates.Phases));

            Assert.Equal("Cannot use the value given for -Phase: 'running' is not one of the allowed values: waiting, ongoing, suspended, ended.", error.Message);
        }
    }
}
