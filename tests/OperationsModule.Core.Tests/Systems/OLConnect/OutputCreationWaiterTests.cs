using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Systems.OLConnect;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;
using Xunit;
using static OperationsModule.Core.Tests.Systems.OLConnect.OutputCreationFixture;

namespace OperationsModule.Core.Tests.Systems.OLConnect
{
    /// <summary>The polling loop against the simulator, whose operations advance ProgressStepPercent per poll.</summary>
    public sealed class OutputCreationWaiterTests
    {
        private static WaitOptions Options(FakeWaitClock clock, TimeSpan? poll = null, TimeSpan? timeout = null) =>
            new WaitOptions(poll ?? TimeSpan.FromSeconds(2), timeout, clock);

        [Fact]
        public async Task Reports_each_progress_step_then_done_and_fetches_the_paths_with_POST()
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { ProgressStepPercent = 25 });
            sim.State.OlConnect.AddOperation("op-1");
            using var connection = Connect(sim);
            var output = new RecordingOutput();
            var clock = new FakeWaitClock();
            var operation = Operation(sim, "op-1");

            var outcome = await Task.Run(() => new OutputCreationWaiter(connection, Options(clock), output).Wait(operation, CancellationToken.None));

            Assert.Equal(WaitOutcome.Completed, outcome);
            Assert.Equal(new[] { 25, 50, 75, 100, 100 }, output.Progress.Select(p => p.PercentComplete));
            Assert.Equal(new[] { false, false, false, false, true }, output.Progress.Select(p => p.Completed));
            Assert.All(output.Progress, p => Assert.Equal(OutputCreationWaiter.ProgressActivityId, p.ActivityId));
            Assert.Equal("Completed", operation.State);
            Assert.Equal(100, operation.PercentComplete);
            Assert.Equal(new[] { "/var/olconnect/output/op-1/out.pdf" }, operation.Result);
            Assert.NotNull(operation.CompletedAt);
            Assert.Equal(new[] { "GET getProgress/op-1", "GET getProgress/op-1", "GET getProgress/op-1", "GET getProgress/op-1", "POST getResultTxt/op-1" }, Calls(sim));
            // One pause between polls that were not done, each the poll interval.
            Assert.Equal(new[] { 2.0, 2.0, 2.0 }, clock.Delays.Select(d => d.TotalSeconds));
            Assert.Empty(output.Warnings);
            Assert.Empty(output.Failures);
        }

        [Fact]
        public async Task Progress_is_written_only_when_the_percentage_changes()
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { ProgressStepPercent = 50 });
            sim.State.OlConnect.AddOperation("op-1");
            // The first three polls see a server that has not moved yet.
            sim.Faults.Add(FaultAction.Status(200, body: "0", contentType: "text/plain"), "GET", "getProgress", times: 3);
            using var connection = Connect(sim);
            var output = new RecordingOutput();

            var outcome = await Task.Run(() => new OutputCreationWaiter(connection, Options(new FakeWaitClock()), output).Wait(Operation(sim, "op-1"), CancellationToken.None));

            Assert.Equal(WaitOutcome.Completed, outcome);
            Assert.Equal(new[] { 0, 50, 100, 100 }, output.Progress.Select(p => p.PercentComplete));
            Assert.Equal(5, Calls(sim).Count(c => c.StartsWith("GET getProgress", StringComparison.Ordinal)));
        }

        [Fact]
        public async Task A_404_after_progress_was_seen_counts_as_done_and_the_result_is_fetched()
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { ProgressStepPercent = 50 });
            sim.State.OlConnect.AddOperation("op-1");
            using var connection = Connect(sim);
            var output = new RecordingOutput();
            // Between the module's polls another client sees 'done', so the server drops the operation (the 2024.2 quirk).
            var clock = new FakeWaitClock(async (n, _) => { using var r = await PollDirectlyAsync(sim, "op-1"); Assert.Equal("done", await r.Content.ReadAsStringAsync()); });
            var operation = Operation(sim, "op-1");

            var outcome = await Task.Run(() => new OutputCreationWaiter(connection, Options(clock), output).Wait(operation, CancellationToken.None));

            Assert.Equal(WaitOutcome.Completed, outcome);
            Assert.Equal(new[] { "/var/olconnect/output/op-1/out.pdf" }, operation.Result);
            Assert.Equal(new[] { 50, 100, 100 }, output.Progress.Select(p => p.PercentComplete));
            Assert.Contains(output.Verbose, v => v.Contains("404 after 50%", StringComparison.Ordinal));
            var journal = sim.Journal.Snapshot();
            Assert.Equal("POST", journal.Last().Method);
            Assert.EndsWith("getResultTxt/op-1", journal.Last().Path, StringComparison.Ordinal);
            Assert.Empty(output.Failures);
        }

        [Fact]
        public async Task A_404_before_any_progress_for_an_unknown_operation_is_a_NotFound_failure()
        {
            await using var sim = await SimulatorServer.StartAsync();
            using var connection = Connect(sim);
            var output = new RecordingOutput();
            var operation = Operation(sim, "no-such-op");

            var ex = await Task.Run(() => Assert.Throws<OperationsApiException>(() =>
                new OutputCreationWaiter(connection, Options(new FakeWaitClock()), output).Wait(operation, CancellationToken.None)));

            Assert.Equal(ErrorIds.NotFound, ex.ErrorId);
            Assert.Equal(ErrorCategoryName.ObjectNotFound, ex.Category);
            Assert.Equal(404, ex.StatusCode);
            Assert.Equal("GET", ex.Method);
            Assert.Contains("getProgress/no-such-op", ex.RequestUri!.AbsolutePath, StringComparison.Ordinal);
            Assert.Equal("Operation not found.", ex.VendorError!.Message);
            Assert.NotEqual("Completed", operation.State);
            Assert.Null(operation.Result);
            // The progress 404 is double-checked against the result before giving up.
            Assert.Equal(new[] { "GET getProgress/no-such-op", "POST getResultTxt/no-such-op" }, Calls(sim));
        }

        [Fact]
        public async Task A_404_before_any_progress_for_an_operation_that_already_finished_yields_its_result()
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { ProgressStepPercent = 100 });
            sim.State.OlConnect.AddOperation("op-1");
            using (var done = await PollDirectlyAsync(sim, "op-1")) Assert.Equal("done", await done.Content.ReadAsStringAsync());
            sim.Journal.Clear();
            using var connection = Connect(sim);
            var operation = Operation(sim, "op-1");

            var outcome = await Task.Run(() => new OutputCreationWaiter(connection, Options(new FakeWaitClock()), new RecordingOutput()).Wait(operation, CancellationToken.None));

            Assert.Equal(WaitOutcome.Completed, outcome);
            Assert.Equal(new[] { "/var/olconnect/output/op-1/out.pdf" }, operation.Result);
            Assert.Equal(new[] { "GET getProgress/op-1", "POST getResultTxt/op-1" }, Calls(sim));
        }

        [Fact]
        public async Task Ctrl_C_between_polls_stops_at_once_and_leaves_the_operation_running()
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { ProgressStepPercent = 25 });
            var seeded = sim.State.OlConnect.AddOperation("op-1");
            using var connection = Connect(sim);
            using var stop = new CancellationTokenSource();
            var output = new RecordingOutput();
            var clock = new FakeWaitClock((n, _) => { if (n == 2) stop.Cancel(); return Task.CompletedTask; });

            var outcome = await Task.Run(() => new OutputCreationWaiter(connection, Options(clock), output).Wait(Operation(sim, "op-1"), stop.Token));

            Assert.Equal(WaitOutcome.Stopped, outcome);
            Assert.Equal(2, Calls(sim).Count);
            Assert.All(Calls(sim), c => Assert.Equal("GET getProgress/op-1", c));
            Assert.False(seeded.Cancelled);
            Assert.Equal(50, seeded.Progress);
            // Nothing is written to a stopping pipeline (PowerShell would throw PipelineStoppedException).
            Assert.DoesNotContain(output.Progress, p => p.Completed);
        }

        [Fact]
        public async Task The_wait_timeout_bounds_the_whole_wait_on_the_virtual_clock()
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { ProgressStepPercent = 1 });
            sim.State.OlConnect.AddOperation("op-1");
            using var connection = Connect(sim);
            var clock = new FakeWaitClock();
            var operation = Operation(sim, "op-1");

            var outcome = await Task.Run(() => new OutputCreationWaiter(connection, Options(clock, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(25)), new RecordingOutput()).Wait(operation, CancellationToken.None));

            Assert.Equal(WaitOutcome.TimedOut, outcome);
            // Polls at 0, 10, 20 and (the shortened last pause) 25 s.
            Assert.Equal(new[] { 10.0, 10.0, 5.0 }, clock.Delays.Select(d => d.TotalSeconds));
            Assert.Equal(4, Calls(sim).Count);
            Assert.Equal(4, operation.PercentComplete);
            Assert.Equal("Running", operation.State);
        }

        [Fact]
        public async Task A_timer_that_fires_early_buys_no_poll_after_the_deadline()
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { ProgressStepPercent = 25 });
            sim.State.OlConnect.AddOperation("op-1");
            using var connection = Connect(sim);
            var clock = new FakeWaitClock { FiresEarlyBy = TimeSpan.FromMilliseconds(0.5) };
            var operation = Operation(sim, "op-1");

            var outcome = await Task.Run(() => new OutputCreationWaiter(connection, Options(clock, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)), new RecordingOutput()).Wait(operation, CancellationToken.None));

            // Polls at 0 and at the deadline (half a millisecond short of it), not again: a third and fourth poll would
            // have seen the operation finish after the wait's time was up.
            Assert.Equal(WaitOutcome.TimedOut, outcome);
            Assert.Equal(2, Calls(sim).Count);
            Assert.Equal(50, operation.PercentComplete);
        }

        [Theory]
        [InlineData(500, "ServerError", "InvalidResult")]
        [InlineData(401, "Unauthorized", "AuthenticationError")]
        [InlineData(403, "Forbidden", "PermissionDenied")]
        public async Task A_failing_progress_call_becomes_a_classified_failure(int status, string errorId, string category)
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.OlConnect.AddOperation("op-1");
            sim.Faults.Add(FaultAction.Status(status, body: "{\"error\":{\"status\":" + status + ",\"message\":\"vendor words\",\"parameter\":\"op-1\"}}", contentType: "application/json"), "GET", "getProgress");
            using var connection = Connect(sim);

            var ex = await Task.Run(() => Assert.Throws<OperationsApiException>(() =>
                new OutputCreationWaiter(connection, Options(new FakeWaitClock()), new RecordingOutput()).Wait(Operation(sim, "op-1"), CancellationToken.None)));

            Assert.Equal(errorId, ex.ErrorId);
            Assert.Equal(category, ex.Category);
            Assert.Equal(status, ex.StatusCode);
            Assert.Equal("vendor words", ex.VendorError!.Message);
            Assert.DoesNotContain(Calls(sim), c => c.Contains("getResult", StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_progress_body_that_is_neither_a_number_nor_done_is_an_UnexpectedResponse()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.OlConnect.AddOperation("op-1");
            sim.Faults.Add(FaultAction.HtmlError(200), "GET", "getProgress");
            using var connection = Connect(sim);

            var ex = await Task.Run(() => Assert.Throws<OperationsApiException>(() =>
                new OutputCreationWaiter(connection, Options(new FakeWaitClock()), new RecordingOutput()).Wait(Operation(sim, "op-1"), CancellationToken.None)));

            Assert.Equal(ErrorIds.UnexpectedResponse, ex.ErrorId);
            Assert.Equal(200, ex.StatusCode);
            Assert.Contains("neither a percentage", ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_cancelled_operation_whose_progress_disappears_fails_with_the_results_NotFound()
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { ProgressStepPercent = 25 });
            var seeded = sim.State.OlConnect.AddOperation("op-1");
            using var connection = Connect(sim);
            // Someone cancels it between the module's polls.
            var clock = new FakeWaitClock(async (n, _) =>
            {
                using var http = new System.Net.Http.HttpClient { BaseAddress = sim.BaseUri };
                http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("ol-admin:ol-secret-pass")));
                using var r = await http.PostAsync(Service.TrimStart('/') + "cancel/op-1", null);
                Assert.Equal(HttpStatusCode.NoContent, r.StatusCode);
            });

            var ex = await Task.Run(() => Assert.Throws<OperationsApiException>(() =>
                new OutputCreationWaiter(connection, Options(clock), new RecordingOutput()).Wait(Operation(sim, "op-1"), CancellationToken.None)));

            Assert.True(seeded.Cancelled);
            Assert.Equal(ErrorIds.NotFound, ex.ErrorId);
            Assert.Contains("getResultTxt", ex.RequestUri!.AbsolutePath, StringComparison.Ordinal);
            Assert.Contains("probably cancelled or removed", ex.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("done", true, 100)]
        [InlineData("DONE\r\n", true, 100)]
        [InlineData(" 42\n", false, 42)]
        [InlineData("0", false, 0)]
        [InlineData("100", false, 100)]
        public void Progress_text_is_parsed_done_first(string body, bool done, int percent)
        {
            Assert.True(ProgressReading.TryParse(body, out var reading));
            Assert.Equal(done, reading.IsDone);
            Assert.Equal(percent, reading.Percent);
        }

        [Theory]
        [InlineData("")]
        [InlineData("101")]
        [InlineData("-1")]
        [InlineData("50%")]
        [InlineData("{\"progress\":50}")]
        public void Progress_text_that_is_not_a_percentage_is_refused(string body) =>
            Assert.False(ProgressReading.TryParse(body, out _));
    }
}
