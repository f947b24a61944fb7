using System;
using System.Linq;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Listing;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.Vcf;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Core.Tests.Systems.Shared;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.Core.Tests.Systems.Vcf
{
    /// <summary>Get-SddcManagerTask's Core path against the simulated SDDC Manager: paging, filters, spellings, reads by ID.</summary>
    public sealed class GetSddcManagerTaskTests
    {
        private static ConnectionRequest Login(SimulatorServer sim) =>
            Connections.PerCall(OperationsSystem.Vcf, sim.BaseUri, credential: Connections.Credential(sim.Options.VcfUser, sim.Options.VcfPassword));

        private static RecordingOutput List(SimulatorServer sim, VcfTaskFilter filter) =>
            FindRun.List(Login(sim), (connection, command) => command.List(new VcfTaskPageSource(connection, filter), connection, filter.Keep));

        private static string[] TaskPages(SimulatorServer sim) =>
            sim.Journal.Snapshot().Where(r => r.Method == "GET" && r.Path == "/v1/tasks").Select(r => r.Query).ToArray();

        [Fact]
        public async Task Every_page_is_read_and_each_task_comes_out_once_with_one_status_spelling()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Vcf.AddTasks(Enumerable.Range(1, 250).Select(i => $"t-{i:D3}"));

            var output = List(sim, new VcfTaskFilter(null, null, null));

            var tasks = output.Objects.OfType<SddcManagerTask>().ToList();
            Assert.Equal(250, tasks.Select(t => t.TaskId).Distinct().Count());
            Assert.Empty(output.Failures);
            // The simulator answers both spellings (In Progress / IN_PROGRESS); the objects show one.
            Assert.All(tasks, t => Assert.Equal("IN_PROGRESS", t.Status));
            Assert.All(tasks, t => Assert.True(t.IsCancellable));
            Assert.All(tasks, t => Assert.Equal(sim.BaseUri, t.Server));
            Assert.Equal(new[] { "?pageSize=100", "?pageSize=100&pageNumber=2", "?pageSize=100&pageNumber=3" }, TaskPages(sim));
        }

        [Fact]
        public async Task A_server_that_numbers_pages_from_0_is_followed_from_the_number_it_gives()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Listing.VcfFirstPageNumber = 0;
            sim.State.Vcf.AddTasks(Enumerable.Range(1, 150).Select(i => $"t-{i:D3}"));

            var output = List(sim, new VcfTaskFilter(null, null, null));

            Assert.Equal(150, output.Objects.OfType<SddcManagerTask>().Select(t => t.TaskId).Distinct().Count());
            Assert.Equal(new[] { "?pageSize=100", "?pageSize=100&pageNumber=1" }, TaskPages(sim));
        }

        [Theory]
        [InlineData("IN_PROGRESS")]
        [InlineData("In Progress")]
        [InlineData("in progress")]
        public async Task One_status_in_either_spelling_goes_to_the_server(string status)
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Vcf.AddTasks(new[] { "a", "b", "c" });
            sim.State.Vcf.AddTask("done", "SUCCESSFUL");
            sim.State.Vcf.AddTask("gone", "Cancelled");

            var output = List(sim, new VcfTaskFilter(new[] { status }, null, null));

            Assert.Equal(new[] { "a", "b", "c" }, output.Objects.OfType<SddcManagerTask>().Select(t => t.TaskId));
            Assert.Equal("?taskStatus=IN_PROGRESS&pageSize=100", Assert.Single(TaskPages(sim)));
        }

        [Fact]
        public async Task Several_statuses_are_filtered_client_side_and_the_verbose_stream_says_so()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Vcf.AddTask("run", "IN_PROGRESS");
            sim.State.Vcf.AddTask("done", "SUCCESSFUL");
            sim.State.Vcf.AddTask("failed", "FAILED");
            var filter = new VcfTaskFilter(new[] { "Failed", "IN_PROGRESS" }, null, null);

            var output = List(sim, filter);

            Assert.Equal(new[] { "failed", "run" }, output.Objects.OfType<SddcManagerTask>().Select(t => t.TaskId));
            Assert.Equal("?pageSize=100", Assert.Single(TaskPages(sim)));
            Assert.Equal("Filters sent to the server: none; applied here, client-side: status in FAILED, IN_PROGRESS (the API takes one status per call).", filter.Describe());
        }

        [Fact]
        public async Task Name_contains_and_type_go_to_the_server_and_name_is_checked_in_any_case()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var at = DateTimeOffset.UtcNow;
            sim.State.Vcf.AddTask("u1", "IN_PROGRESS", "Upgrade ESXi hosts", "UPGRADE", at);
            sim.State.Vcf.AddTask("u2", "IN_PROGRESS", "upgrade NSX", "UPGRADE", at);
            sim.State.Vcf.AddTask("r1", "IN_PROGRESS", "Rotate passwords", "CREDENTIALS_ROTATION", at);
            sim.State.Vcf.AddTask("u3", "IN_PROGRESS", "Add host", "UPGRADE", at);

            var both = List(sim, new VcfTaskFilter(null, "host", "UPGRADE"));
            var queries = TaskPages(sim);
            var byName = List(sim, new VcfTaskFilter(null, "upgrade", null));

            Assert.Equal(new[] { "u1", "u3" }, both.Objects.OfType<SddcManagerTask>().Select(t => t.TaskId));
            Assert.Equal("?taskType=UPGRADE&taskName=host&pageSize=100", Assert.Single(queries));
            Assert.Equal(new[] { "u1", "u2" }, byName.Objects.OfType<SddcManagerTask>().Select(t => t.TaskId));
        }

        [Fact]
        public async Task No_match_is_zero_objects_and_no_error()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Vcf.AddTask("done", "SUCCESSFUL");

            var output = List(sim, new VcfTaskFilter(new[] { "IN_PROGRESS" }, null, null));

            Assert.Empty(output.Objects);
            Assert.Empty(output.Failures);
        }

        [Theory]
        [InlineData("RUNNING", "'RUNNING' is not one of the allowed values: PENDING, QUEUED, IN_PROGRESS, SUCCESSFUL, FAILED, CANCELLED, COMPLETED_WITH_WARNING, SKIPPED, TIMED_OUT.")]
        [InlineData(" ", "an empty value is not a state.")]
        public void An_unknown_status_is_refused_naming_the_parameter_and_the_allowed_values(string status, string problem)
        {
            var error = Assert.Throws<InputValidationException>(() => new VcfTaskFilter(new[] { "IN_PROGRESS", status }, null, null));

            Assert.Equal("Status", error.ParameterName);
            Assert.Contains(problem, error.Message);
        }

        [Fact]
        public async Task A_server_that_serves_its_first_page_for_every_page_number_ends_with_one_clear_error()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Listing.VcfRepeatFirstPage = true;
            sim.State.Vcf.AddTasks(Enumerable.Range(1, 300).Select(i => $"t-{i:D3}"));

            var output = List(sim, new VcfTaskFilter(null, null, null));

            Assert.Equal(100, output.Objects.Count);
            var failure = Assert.Single(output.Failures);
            Assert.IsType<PagingException>(failure.Exception);
            Assert.Contains("page 2 was asked for and page 1 came back", failure.Exception.Message);
            Assert.Equal(2, TaskPages(sim).Length);
        }

        [Fact]
        public async Task Reading_by_ID_gives_the_task_or_one_error_per_ID()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Vcf.AddTask("t-1", "IN_PROGRESS", "Upgrade ESXi hosts", "UPGRADE", new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero));

            var output = FindRun.Read(Login(sim), VcfTaskItemReader.Instance, null, "t-1", "no-such-task", "..");

            var task = output.Single<SddcManagerTask>();
            Assert.Equal(("t-1", "Upgrade ESXi hosts", "UPGRADE", "IN_PROGRESS"), (task.TaskId, task.Name, task.Type, task.Status));
            Assert.Equal(new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero), task.CreatedAt);
            Assert.NotNull(task.Session);
            Assert.Equal(2, output.Failures.Count);
            Assert.Contains(output.Failures, f => f.ErrorId == ErrorIds.NotFound && (string?)f.TargetObject == "no-such-task");
            Assert.Contains(output.Failures, f => f.ErrorId == ErrorIds.InvalidParameter && f.Exception.Message.Contains("-TaskId"));
        }
    }
}
