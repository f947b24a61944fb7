using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Tests.Engine;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.Core.Tests.Commands
{
    /// <summary>
    /// A stopped run (Ctrl+C, or an error that ends it under -ErrorAction Stop) names every item it took and never wrote,
    /// by what became of it: under way (outcome unknown), never sent, or failed unwritten. Simulator over loopback.
    /// </summary>
    public sealed class StoppedRunLeftoversTests
    {
        private const string CutShort = "Stopped while the cancels of ";
        private const string NotSent = "Stopped before sending the cancels of ";
        private const string FailedUnwritten = "Stopped before writing the errors of ";

        private static string[] Ids(int count, string prefix = "op-") => Enumerable.Range(0, count).Select(i => prefix + i).ToArray();

        private static string Warning(BulkHarness run, string start) => Assert.Single(run.Output.Warnings, w => w.StartsWith(start, StringComparison.Ordinal));

        /// <summary>The count a warning gives ("... of 65 ... items").</summary>
        private static int CountIn(string warning) => int.Parse(Regex.Match(warning, @" of (\d+) ").Groups[1].Value);

        /// <summary>The IDs a warning quotes, in order.</summary>
        private static string[] NamesIn(string warning) => Regex.Matches(warning, "'([^']*)'").Select(m => m.Groups[1].Value).ToArray();

        [Fact]
        public async Task Ctrl_C_names_the_cancels_under_way_and_every_item_taken_but_never_sent()
        {
            const int limit = 8;
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.NeverAnswer(), pathPattern: "/cancel/");
            using var stop = new CancellationTokenSource();
            var run = new BulkHarness(sim, throttleLimit: limit, timeout: TimeSpan.FromSeconds(100), cancellationToken: stop.Token);
            run.CredentialAlreadyAccepted();
            var ids = Ids(200);
            var pipeline = new Thread(() => run.Run(ids));
            pipeline.Start();
            // Eight requests hang, the queue is full and the pipeline thread waits with one more item in hand.
            BulkEngineTests.WaitUntil(() => sim.Journal.Count == limit && run.Command.Engine.InFlight == run.Command.Engine.HoldLimit);

            stop.Cancel();
            Assert.True(pipeline.Join(TimeSpan.FromSeconds(10)), "the pipeline did not return after the stop");
            run.Dispose();

            var underWay = Warning(run, CutShort);
            Assert.Equal(limit, CountIn(underWay));
            Assert.Equal(BulkHarness.CancelsReceived(sim).OrderBy(id => id), NamesIn(underWay).OrderBy(id => id));
            Assert.Contains("whether the server acted on them is unknown", underWay);
            // Never sent: the queue in input order, then the item the pipeline thread had in hand.
            var notSent = Warning(run, NotSent);
            var taken = run.Command.Engine.HoldLimit + 1;
            Assert.Equal(taken - limit, CountIn(notSent));
            Assert.Equal(ids.Skip(limit).Take(20), NamesIn(notSent));
            Assert.EndsWith($" and {taken - limit - 20} more.", notSent);
            Assert.Equal(2, run.Output.Warnings.Count);
        }

        [Fact]
        public async Task An_error_that_ends_the_run_names_the_queued_items_it_never_sent()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var ids = Ids(12);
            foreach (var id in ids.Where(id => id != "op-3")) sim.State.OlConnect.AddOperation(id);
            using var stop = new CancellationTokenSource();
            var run = new BulkHarness(sim, throttleLimit: 1, stopsAtFailure: true, cancellationToken: stop.Token);
            run.Output.FailureTerminates = true;

            Assert.Throws<TerminatedByFailureException>(() => run.Run(ids));
            stop.Cancel(); // the cmdlet's Dispose stops the run first
            run.Dispose();

            Assert.Equal(ids.Take(4), BulkHarness.CancelsReceived(sim));
            var notSent = Warning(run, NotSent);
            // The items after the failing one that the command took, in input order (all of them unless the failure
            // came back before the pipeline thread had handed on all twelve).
            var named = NamesIn(notSent);
            Assert.Equal(ids.Skip(4).Take(named.Length), named);
            Assert.Equal(named.Length, CountIn(notSent));
            Assert.NotEmpty(named);
            Assert.Single(run.Output.Warnings);
        }

        [Fact]
        public async Task Failures_behind_the_one_that_ends_the_run_are_named_with_their_errors_and_every_item_is_accounted_for()
        {
            const int limit = 8;
            await using var sim = await SimulatorServer.StartAsync();
            // No operation exists: every cancel is refused (404), after a latency that has all eight in flight when the
            // first comes back.
            sim.Faults.Add(FaultAction.Latency(TimeSpan.FromMilliseconds(30)), pathPattern: "/cancel/");
            var ids = Ids(30, "missing-");
            using var stop = new CancellationTokenSource();
            var run = new BulkHarness(sim, throttleLimit: limit, stopsAtFailure: true, cancellationToken: stop.Token);
            run.CredentialAlreadyAccepted();
            run.Output.FailureTerminates = true;

            var ended = Assert.Throws<TerminatedByFailureException>(() => run.Run(ids));
            stop.Cancel();
            run.Dispose();

            // Eight unless the first answer came back before the pipeline thread had started them all.
            var sent = BulkHarness.CancelsReceived(sim);
            Assert.InRange(sent.Length, 2, limit);
            var failed = Warning(run, FailedUnwritten);
            Assert.Equal(sent.Length - 1, CountIn(failed));
            Assert.Equal(sent.Where(id => id != (string)ended.Failure.TargetObject!).OrderBy(id => id), NamesIn(failed).OrderBy(id => id));
            Assert.All(NamesIn(failed), id => Assert.Contains($"'{id}' (NotFound)", failed));
            var notSent = Warning(run, NotSent);
            Assert.Empty(NamesIn(notSent).Intersect(sent));
            // One error written, seven named with theirs, the rest taken and named as never sent; none twice.
            var taken = 1 + CountIn(failed) + CountIn(notSent);
            Assert.Equal(ids.Skip(sent.Length).Take(Math.Min(taken - sent.Length, 20)), NamesIn(notSent));
            Assert.InRange(taken, sent.Length + 1, ids.Length);
            Assert.Empty(run.Output.Objects);
        }

        [Fact]
        public async Task A_run_that_ends_normally_names_nothing()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var ids = Ids(100);
            foreach (var id in ids) sim.State.OlConnect.AddOperation(id);
            using var stop = new CancellationTokenSource();
            var run = new BulkHarness(sim, throttleLimit: 8, cancellationToken: stop.Token);

            run.Run(ids);
            stop.Cancel(); // as every cmdlet's Dispose does, after a whole run too
            run.Dispose();

            Assert.Equal(ids.Length, run.Output.Objects.Count);
            Assert.Empty(run.Output.Warnings);
        }
    }
}
