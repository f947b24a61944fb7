using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Engine;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.OLConnect;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Core.Tests.Systems.OLConnect;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.Core.Tests.Engine
{
    public sealed class BulkProgressTests
    {
        [Fact]
        public async Task A_long_bulk_run_shows_throttled_progress_then_removes_the_bar()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var ids = Enumerable.Range(0, 50).Select(_ => sim.State.OlConnect.AddOperation().Id).ToList();
            // Virtual time: each reading moves 100 ms on, so a 500 ms interval allows one update per five readings. The bar
            // is read once per piped item and once per result written while the last items finish (50 to 100 readings).
            var clock = new SteppingClock(TimeSpan.FromMilliseconds(100));

            var (output, command) = Run(sim, ids, clock);

            Assert.Equal(50, output.Objects.Count);
            var records = output.Progress.ToList();
            Assert.Equal(command.ProgressUpdates + 1, records.Count);
            Assert.InRange(clock.Readings, 50, 100);
            Assert.InRange(command.ProgressUpdates, clock.Readings / 5 - 1, clock.Readings / 5);
            Assert.All(records.Take(records.Count - 1), p =>
            {
                Assert.Equal(StopCommand.ProgressActivityId, p.ActivityId);
                Assert.Equal(-1, p.PercentComplete);
                Assert.False(p.Completed);
                Assert.Matches(new Regex("^\\d+ done, \\d+ in flight$"), p.StatusDescription);
            });
            Assert.True(records.Last().Completed);
            Assert.Equal(0, output.WritesOffPipelineThread);
        }

        [Fact]
        public async Task A_run_shorter_than_the_interval_shows_no_bar()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var ids = Enumerable.Range(0, 20).Select(_ => sim.State.OlConnect.AddOperation().Id).ToList();

            var (output, command) = Run(sim, ids, new SteppingClock(TimeSpan.Zero));

            Assert.Equal(20, output.Objects.Count);
            Assert.Equal(0, command.ProgressUpdates);
            Assert.Empty(output.Progress);
        }

        [Fact]
        public void The_first_update_comes_one_interval_after_the_start_and_Finish_removes_the_bar()
        {
            var output = new RecordingOutput();
            var progress = new BulkProgress(7, "activity", new SteppingClock(TimeSpan.FromSeconds(1)), TimeSpan.FromMilliseconds(500));

            progress.Report(output, done: 1, inFlight: 2);
            progress.Report(output, done: 3, inFlight: 2);
            progress.Report(output, done: 5, inFlight: 0);
            progress.Finish(output);

            Assert.Equal(new[] { "3 done, 2 in flight", "5 done, 0 in flight", "Done" }, output.Progress.Select(p => p.StatusDescription));
            Assert.Equal(new[] { false, false, true }, output.Progress.Select(p => p.Completed));
        }

        private static (RecordingOutput Output, StopCommand Command) Run(SimulatorServer sim, System.Collections.Generic.IReadOnlyList<string> ids, IWaitClock clock)
        {
            var output = new RecordingOutput { PipelineThreadId = Environment.CurrentManagedThreadId, IsDebugEnabled = false };
            var request = OlConnectHarness.PerCall(sim, OlConnectHarness.Admin(sim));
            var command = new StopCommand(OutputCreationCancelEndpoint.Instance, new ConnectionPlan(request, new SessionStore()), 4, output, CancellationToken.None, clock);
            foreach (var id in ids) command.Process(id);
            command.Complete();
            command.Dispose();
            return (output, command);
        }

        /// <summary>Time that moves a fixed step at every reading: progress throttling is tested without sleeping.</summary>
        private sealed class SteppingClock : IWaitClock
        {
            private readonly TimeSpan _step;
            private DateTimeOffset _now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

            public SteppingClock(TimeSpan step) => _step = step;

            public int Readings { get; private set; }

            public DateTimeOffset UtcNow
            {
                get
                {
                    Readings++;
                    return _now += _step;
                }
            }

            public Task Delay(TimeSpan delay, CancellationToken cancellationToken) => throw new NotSupportedException("not used by progress");
        }
    }
}
