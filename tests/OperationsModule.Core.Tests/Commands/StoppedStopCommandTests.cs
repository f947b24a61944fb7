using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Models;
using OperationsModule.Core.Output;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Core.Tests.Waiting;
using OperationsModule.Core.Waiting;
using Xunit;

namespace OperationsModule.Core.Tests.Commands
{
    /// <summary>
    /// A Stop- command stopped (Ctrl+C) after cancels finished but before their results were written: the pipeline is
    /// gone, so they are named in one warning instead of dropped unseen. Real loopback HTTP.
    /// </summary>
    public sealed class StoppedStopCommandTests
    {
        private static StopCommand Start(RawHttpListener server, IOperationsOutput output, CancellationToken stop) =>
            ScriptedCancelEndpoint.Command(server, output, stop, new VirtualClock());

        /// <summary>Every item's cancel answered and its result queued, none written yet (bounded, a condition).</summary>
        private static void AwaitAnswered(StopCommand command, RawHttpListener server, int count)
        {
            Assert.True(SpinWait.SpinUntil(() => server.Requests.Count(r => r.Method == "POST") == count && command.Engine.Running == 0, TimeSpan.FromSeconds(30)),
                "every cancel answered");
        }

        [Fact]
        public async Task Results_finished_but_not_written_when_the_run_stops_are_named_in_one_warning()
        {
            var ids = new[] { "a", "b", "c" };
            var items = new ScriptedItems().Item("refused", "running").CancelAnswers("refused", 409);
            await using var server = new RawHttpListener(items.Respond);
            using var stop = new CancellationTokenSource();
            var output = new RecordingOutput();
            var command = Start(server, output, stop.Token);

            foreach (var id in ids.Append("refused")) command.Process(id);
            AwaitAnswered(command, server, 4);
            stop.Cancel();
            Assert.False(command.Complete());
            command.Dispose();

            Assert.Empty(output.Objects);
            Assert.Equal(2, output.Warnings.Count);
            var warnings = output.Warnings.ToArray();
            var warning = warnings[0];
            Assert.StartsWith("Stopped before writing the results of 3 Vcf Item items whose cancel the server accepted: ", warning);
            Assert.All(ids, id => Assert.Contains($"'{id}'", warning));
            Assert.DoesNotContain("'refused'", warning);
            // The refused cancel's error was never written either: it is named apart, with its error.
            Assert.Equal("Stopped before writing the errors of 1 Vcf Item item, whose cancel failed: 'refused' (Conflict).", warnings[1]);
        }

        [Fact]
        public async Task A_result_whose_write_the_stopped_pipeline_refused_is_named_with_the_others()
        {
            var ids = new[] { "a", "b", "c" };
            await using var server = new RawHttpListener(new ScriptedItems().Respond);
            using var stop = new CancellationTokenSource();
            var recording = new RecordingOutput();
            var output = new StoppingOutput(recording, stop);
            var command = Start(server, output, stop.Token);

            foreach (var id in ids) command.Process(id);
            AwaitAnswered(command, server, 3);
            // Ctrl+C as the first result is written: the port stops the run and the write throws.
            Assert.Throws<OperationCanceledException>(() => command.Flush());
            command.Dispose();

            Assert.Empty(recording.Objects);
            var warning = Assert.Single(recording.Warnings);
            Assert.StartsWith("Stopped before writing the results of 3 Vcf Item items ", warning);
            Assert.All(ids, id => Assert.Contains($"'{id}'", warning));
        }

        [Fact]
        public async Task With_Wait_cancels_accepted_but_not_yet_waited_for_are_named_with_the_waiting_ones()
        {
            var items = new ScriptedItems().Item("a", "running").Item("b", "running");
            await using var server = new RawHttpListener(items.Respond);
            using var stop = new CancellationTokenSource();
            var output = new RecordingOutput();
            var command = Start(server, output, stop.Token);
            command.ConfirmWith(new ScriptedStateReader(), new WaitSchedule(TimeSpan.FromMinutes(5), new VirtualClock(), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)));

            command.Process("a");
            command.Process("b");
            AwaitAnswered(command, server, 2);
            stop.Cancel();
            command.Dispose();

            var warning = Assert.Single(output.Warnings);
            Assert.StartsWith("Stopped waiting for 2 cancelled Vcf Item items whose cancel the server accepted, before they were read as stopped: ", warning);
            Assert.Contains("'a'", warning);
            Assert.Contains("'b'", warning);
        }

        [Fact]
        public async Task A_run_that_wrote_everything_warns_of_nothing_when_disposed_after_a_stop()
        {
            var items = new ScriptedItems();
            await using var server = new RawHttpListener(items.Respond);
            using var stop = new CancellationTokenSource();
            var output = new RecordingOutput();
            var command = Start(server, output, stop.Token);

            command.Process("a");
            Assert.True(command.Complete());
            // What a cmdlet's Dispose does at the end of every run: stop, then dispose.
            stop.Cancel();
            command.Dispose();

            Assert.Equal("a", output.Single<CancellationResult>().Id);
            Assert.Empty(output.Warnings);
        }

        /// <summary>What the cmdlet's port does when a stopping pipeline refuses an object: stop the run, then throw.</summary>
        private sealed class StoppingOutput : ForwardingOutput
        {
            private readonly CancellationTokenSource _stop;

            public StoppingOutput(IOperationsOutput inner, CancellationTokenSource stop)
                : base(inner)
            {
                _stop = stop;
            }

            public override void WriteObject(object item)
            {
                _stop.Cancel();
                throw new OperationCanceledException("the pipeline is stopping");
            }
        }
    }
}
