using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Engine;
using OperationsModule.Core.Models;
using OperationsModule.Core.Output;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Core.Waiting;
using Xunit;

namespace OperationsModule.Core.Tests.Waiting
{
    /// <summary>
    /// Stop- -Wait stopped before the end (Ctrl+C, a downstream Select-Object -First): the cancels the server accepted
    /// but the run did not confirm are named in one warning, not dropped unseen. Real loopback HTTP.
    /// </summary>
    public sealed class StoppedWaitTests
    {
        private static StopCommand Start(RawHttpListener server, IWaitClock clock, RecordingOutput output, CancellationToken stop)
        {
            var command = ScriptedCancelEndpoint.Command(server, output, stop, clock);
            command.ConfirmWith(new ScriptedStateReader(), new WaitSchedule(TimeSpan.FromMinutes(5), clock, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)));
            return command;
        }

        private static void StopWhileParked(StopCommand command, ParkedClock clock, int parked, CancellationTokenSource stop, RecordingOutput output, int failures = 0)
        {
            // Every accepted item has been read once and sits in its pause: a condition, bounded, not a sleep. Flushing
            // (on this, the pipeline thread) hands accepted cancels to the wait stage, as ProcessRecord does.
            Assert.True(SpinWait.SpinUntil(() => { command.Flush(); return clock.Parked >= parked && output.Failures.Count >= failures; }, TimeSpan.FromSeconds(30)), $"{clock.Parked} of {parked} items parked");
            stop.Cancel();
            Assert.False(command.Complete());
            command.Dispose();
        }

        [Fact]
        public async Task Stopped_while_waiting_it_names_the_accepted_cancels_in_one_warning_and_not_the_refused_one()
        {
            var ids = Enumerable.Range(1, 25).Select(i => "i" + i).ToArray();
            var items = new ScriptedItems().Item("busy", "running").CancelAnswers("busy", 409);
            foreach (var id in ids) items.Item(id, "running");
            await using var server = new RawHttpListener(items.Respond);
            var clock = new ParkedClock();
            using var stop = new CancellationTokenSource();
            var output = new RecordingOutput();
            var command = Start(server, clock, output, stop.Token);

            foreach (var id in ids.Append("busy")) command.Process(id);
            StopWhileParked(command, clock, ids.Length, stop, output, failures: 1);

            var warning = Assert.Single(output.Warnings);
            Assert.StartsWith("Stopped waiting for 25 cancelled Vcf Item items whose cancel the server accepted, before they were read as stopped: ", warning);
            var named = ids.Where(id => warning.Contains($"'{id}'")).ToList();
            Assert.Equal(ItemNames.NamedAtMost, named.Count);
            Assert.Contains(" and 5 more. ", warning);
            Assert.DoesNotContain("'busy'", warning);
            Assert.Contains("Read their state later with: Get-ScriptedItem -ItemId i", warning);
            // The refused cancel still has its error, and nothing was confirmed.
            Assert.Equal((object?)"busy", Assert.Single(output.Failures).TargetObject);
            Assert.Empty(output.Objects.OfType<CancellationResult>());
        }

        [Fact]
        public async Task One_item_is_named_as_one_and_a_confirmed_item_is_not_named()
        {
            var items = new ScriptedItems().Item("slow", "running").Item("quick", "cancelled");
            await using var server = new RawHttpListener(items.Respond);
            var clock = new ParkedClock();
            using var stop = new CancellationTokenSource();
            var output = new RecordingOutput();
            var command = Start(server, clock, output, stop.Token);

            command.Process("quick");
            Assert.True(command.Complete());
            command.Process("slow");
            StopWhileParked(command, clock, 1, stop, output);

            Assert.Equal("quick", output.Single<CancellationResult>().Id);
            var warning = Assert.Single(output.Warnings);
            Assert.StartsWith("Stopped waiting for 1 cancelled Vcf Item item whose cancel the server accepted, before they were read as stopped: 'slow'. ", warning);
        }

        [Fact]
        public async Task A_wait_failure_that_ends_the_command_is_its_error_and_the_items_still_waiting_are_named()
        {
            var items = new ScriptedItems().Item("a", "running").Item("bad", "403");
            await using var server = new RawHttpListener(items.Respond);
            var clock = new ParkedClock();
            using var stop = new CancellationTokenSource();
            var output = new RecordingOutput { PipelineThreadId = Environment.CurrentManagedThreadId, StopsAtFailure = true, FailureTerminates = true };
            var command = Start(server, clock, output, stop.Token);

            command.Process("a");
            Assert.True(SpinWait.SpinUntil(() => { command.Flush(); return clock.Parked == 1; }, TimeSpan.FromSeconds(30)), "a is waiting");
            // -ErrorAction Stop: the read that failed ends the command from a Flush on the pipeline thread.
            var ended = Assert.Throws<TerminatedByFailureException>(() =>
            {
                command.Process("bad");
                var deadline = DateTime.UtcNow.AddSeconds(30);
                while (DateTime.UtcNow < deadline) command.Flush();
            });
            // What a cmdlet's Dispose does then: stop, and dispose the command.
            stop.Cancel();
            command.Dispose();

            Assert.Equal("bad", Assert.IsType<CancellationResult>(ended.Failure.TargetObject).Id);
            var warning = Assert.Single(output.Warnings);
            Assert.StartsWith("Stopped waiting for 1 cancelled Vcf Item item whose cancel the server accepted, before they were read as stopped: 'a'. ", warning);
        }

        [Fact]
        public async Task A_run_to_its_end_warns_of_nothing()
        {
            var items = new ScriptedItems().Item("a", "running", "cancelled").Item("b", "running", "finished");
            await using var server = new RawHttpListener(items.Respond);
            var output = new RecordingOutput();
            var command = Start(server, new VirtualClock(), output, CancellationToken.None);

            command.Process("a");
            command.Process("b");
            Assert.True(command.Complete());
            command.Dispose();

            Assert.Equal(2, output.Objects.OfType<CancellationResult>().Count());
            Assert.Empty(output.Warnings);
        }

        /// <summary>A clock whose pauses last until the run is stopped, counting the items that reached one.</summary>
        private sealed class ParkedClock : IWaitClock
        {
            private int _parked;

            public int Parked => Volatile.Read(ref _parked);

            public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

            public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref _parked);
                return Task.Delay(Timeout.Infinite, cancellationToken);
            }
        }
    }
}
