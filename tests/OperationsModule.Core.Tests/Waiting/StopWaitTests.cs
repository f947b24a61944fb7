using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Core.Waiting;
using Xunit;

namespace OperationsModule.Core.Tests.Waiting
{
    /// <summary>Stop- -Wait's shared machinery over real loopback HTTP, on a virtual clock (nothing sleeps).</summary>
    public sealed class StopWaitTests
    {
        private static (RecordingOutput Output, StopCommand Command) Run(RawHttpListener server, ScriptedStateReader reader, VirtualClock clock, int throttleLimit = 8, TimeSpan? timeout = null, params string[] ids)
        {
            var output = new RecordingOutput();
            var command = ScriptedCancelEndpoint.Command(server, output, CancellationToken.None, clock, throttleLimit);
            command.ConfirmWith(reader, new WaitSchedule(timeout ?? TimeSpan.FromMinutes(5), clock, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)));
            foreach (var id in ids) command.Process(id);
            command.Complete();
            return (output, command);
        }

        [Fact]
        public async Task Each_accepted_cancel_is_read_until_final_and_emitted_as_Cancelled()
        {
            var items = new ScriptedItems().Item("a", "running", "stopping", "cancelled").Item("b", "cancelled");
            await using var server = new RawHttpListener(items.Respond);
            var clock = new VirtualClock();

            var (output, command) = Run(server, new ScriptedStateReader(), clock, ids: new[] { "a", "b" });
            using (command)
            {
                Assert.Empty(output.Failures);
                var results = output.Objects.OfType<CancellationResult>().OrderBy(r => r.Id).ToList();
                Assert.Equal(new[] { ("a", "Cancelled"), ("b", "Cancelled") }, results.Select(r => (r.Id, r.Status)));
                Assert.All(results, r => Assert.NotNull(r.ConfirmedAt));
                Assert.Equal(3, server.Requests.Count(r => r.Method == "GET" && r.Path == "/items/a"));
                Assert.Contains(output.Verbose, v => v.Contains("'a' is stopping"));
                // Backing off: 1 s then 2 s between the three reads of a.
                Assert.True(clock.TotalWaited >= TimeSpan.FromSeconds(3));
            }
        }

        [Fact]
        public async Task An_item_that_ends_otherwise_is_emitted_with_the_state_it_reached()
        {
            var items = new ScriptedItems().Item("done", "running", "finished");
            await using var server = new RawHttpListener(items.Respond);

            var (output, command) = Run(server, new ScriptedStateReader(), new VirtualClock(), ids: "done");
            using (command)
            {
                Assert.Equal("finished", output.Single<CancellationResult>().Status);
            }
        }

        [Fact]
        public async Task A_cancel_that_failed_yields_its_error_and_is_never_read()
        {
            var items = new ScriptedItems().Item("ok", "cancelled").Item("busy", "running").CancelAnswers("busy", 409);
            await using var server = new RawHttpListener(items.Respond);

            var (output, command) = Run(server, new ScriptedStateReader(), new VirtualClock(), ids: new[] { "ok", "busy" });
            using (command)
            {
                Assert.Equal("ok", output.Single<CancellationResult>().Id);
                var failure = Assert.Single(output.Failures);
                Assert.Equal((ErrorIds.Conflict, (object?)"busy"), (failure.ErrorId, failure.TargetObject));
                Assert.DoesNotContain(server.Requests, r => r.Method == "GET" && r.Path == "/items/busy");
            }
        }

        [Fact]
        public async Task A_timed_out_wait_is_one_error_whose_target_shows_the_last_state()
        {
            var items = new ScriptedItems().Item("slow", "running");
            await using var server = new RawHttpListener(items.Respond);
            var clock = new VirtualClock();

            var (output, command) = Run(server, new ScriptedStateReader(), clock, timeout: TimeSpan.FromSeconds(30), ids: "slow");
            using (command)
            {
                Assert.Empty(output.Objects);
                var failure = Assert.Single(output.Failures);
                Assert.Equal((ErrorIds.WaitTimedOut, ErrorCategoryName.OperationTimeout), (failure.ErrorId, failure.Category));
                var target = Assert.IsType<CancellationResult>(failure.TargetObject);
                Assert.Equal(("slow", "running"), (target.Id, target.Status));
                Assert.Null(target.ConfirmedAt);
                Assert.Contains("within 30 s (-WaitTimeoutSec) it was still running", failure.Exception.Message);
                Assert.Contains("Get-ScriptedItem -ItemId slow", failure.RecommendedAction);
                // Bounded by the timeout, with backing off: 1+2+4+8+10 s, then what is left of the 30 s.
                Assert.Equal(TimeSpan.FromSeconds(30), clock.TotalWaited);
                Assert.Equal(7, server.Requests.Count(r => r.Method == "GET"));
            }
        }

        [Fact]
        public async Task Gateway_errors_while_waiting_are_read_again()
        {
            var items = new ScriptedItems().Item("a", "running", "502", "503", "cancelled");
            await using var server = new RawHttpListener(items.Respond);

            var (output, command) = Run(server, new ScriptedStateReader(), new VirtualClock(), ids: "a");
            using (command)
            {
                Assert.Empty(output.Failures);
                Assert.Equal("Cancelled", output.Single<CancellationResult>().Status);
                Assert.Contains(output.Verbose, v => v.Contains("answered 502; reading again"));
            }
        }

        [Fact]
        public async Task A_404_ends_the_wait_with_NotFound_unless_the_system_says_gone_means_ended()
        {
            var items = new ScriptedItems().Item("a", "running", "404");
            await using var server = new RawHttpListener(items.Respond);

            var (strict, first) = Run(server, new ScriptedStateReader(), new VirtualClock(), ids: "a");
            items.Item("a", "running", "404");
            var (lenient, second) = Run(server, new ScriptedStateReader(goneMeansCancelled: true), new VirtualClock(), ids: "a");
            using (first)
            using (second)
            {
                var failure = Assert.Single(strict.Failures);
                Assert.Equal(ErrorIds.NotFound, failure.ErrorId);
                Assert.StartsWith("Confirming the cancel of Vcf Item 'a' failed", failure.Exception.Message);
                Assert.Equal("Cancelled", lenient.Single<CancellationResult>().Status);
            }
        }

        [Fact]
        public async Task Reads_stay_within_ThrottleLimit_and_every_item_yields_one_record_with_progress_counts()
        {
            var items = new ScriptedItems();
            var ids = Enumerable.Range(1, 40).Select(i => "i" + i).ToArray();
            foreach (var id in ids) items.Item(id, "running", "running", "cancelled");
            await using var server = new RawHttpListener(items.Respond);

            var (output, command) = Run(server, new ScriptedStateReader(), new VirtualClock(), throttleLimit: 3, ids: ids);
            using (command)
            {
                Assert.Equal(40, output.Objects.OfType<CancellationResult>().Select(r => r.Id).Distinct().Count());
                Assert.Empty(output.Failures);
                Assert.InRange(command.Confirmation!.Waiter.PeakConcurrentReads, 1, 3);
                Assert.Equal(120, command.Confirmation.Waiter.Reads);
                var progress = output.Progress.Where(p => p.ActivityId == CancelConfirmation.ProgressActivityId).ToList();
                Assert.Contains(progress, p => p.StatusDescription.Contains(" done, ") && p.StatusDescription.Contains(" in flight"));
                Assert.True(progress.Last().Completed);
            }
        }
    }
}
