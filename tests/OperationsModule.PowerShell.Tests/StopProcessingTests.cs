using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using OperationsModule.PowerShell.Tests.Infrastructure;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.PowerShell.Tests
{
    /// <summary>Ctrl+C as a host sends it: PowerShell.Stop() in the middle of a bulk run.</summary>
    public sealed class StopProcessingTests : RunspaceTest
    {
        public StopProcessingTests(SimulatorFixture simulator) : base(simulator) { }

        [Fact]
        public void Stop_in_a_bulk_run_returns_long_before_a_request_could_finish_and_sends_nothing_after()
        {
            // Every cancel takes 60 s on the server: a stop that waited for one would take that long.
            var serverDelay = TimeSpan.FromSeconds(60);
            Server.Faults.Add(FaultAction.Latency(serverDelay), pathPattern: "/v1/tasks/");
            const int throttle = 4;
            using var ps = Shell.Create();
            ps.AddScript($"1..500 | ForEach-Object {{ \"task-$_\" }} | Stop-Task @vcf -ThrottleLimit {throttle}");
            var running = ps.BeginInvoke();

            // Wait (bounded) until the engine has filled its slots: a condition, not a fixed sleep.
            var deadline = Stopwatch.StartNew();
            while (Simulator.Requests().Count(r => r.StartsWith("DELETE")) < throttle && deadline.Elapsed < TimeSpan.FromSeconds(30))
                Thread.Yield();
            Assert.Equal(throttle, Simulator.Requests().Count(r => r.StartsWith("DELETE")));

            var stopping = Stopwatch.StartNew();
            ps.Stop();
            stopping.Stop();

            Assert.True(running.IsCompleted);
            Assert.True(stopping.Elapsed < serverDelay / 4, $"Stop() took {stopping.Elapsed}");
            // The journal records a request when it arrives; a cancel sent after the stop would show here. (The per-call
            // login's revocation, DELETE /v1/tokens/refresh-token, is sent after the stop on purpose.)
            RunClean("Get-Date | Out-Null");
            Assert.Equal(throttle, Simulator.Requests().Count(r => r.StartsWith("DELETE /v1/tasks/")));
            Assert.Equal(1, Simulator.Requests().Count(r => r == "DELETE /v1/tokens/refresh-token"));
        }

        [Fact]
        public void Stop_names_every_ID_of_a_typed_list_it_did_not_report_by_what_became_of_it()
        {
            Server.Faults.Add(FaultAction.Latency(TimeSpan.FromSeconds(60)), pathPattern: "/v1/tasks/");
            const int throttle = 4;
            var ids = Enumerable.Range(1, 100).Select(i => $"task-{i:000}").ToArray();
            using var ps = Shell.Create();
            ps.AddScript($"Stop-Task @vcf -ThrottleLimit {throttle} -TaskId {string.Join(",", ids)}");
            var running = ps.BeginInvoke();
            var deadline = Stopwatch.StartNew();
            while (Simulator.Requests().Count(r => r.StartsWith("DELETE")) < throttle && deadline.Elapsed < TimeSpan.FromSeconds(30))
                Thread.Yield();

            ps.Stop();

            Assert.True(running.IsCompleted);
            var warnings = Shell.Host.Recorder.Lines.Where(l => l.StartsWith("WARNING: Stopped ")).ToArray();
            Assert.Equal(2, warnings.Length);
            // The four cancels under way may or may not have happened: named so they can be read.
            Assert.StartsWith($"WARNING: Stopped while the cancels of {throttle} Vcf Task items were under way; whether the server acted on them is unknown", warnings[0]);
            var sent = Simulator.Requests().Where(r => r.StartsWith("DELETE /v1/tasks/")).Select(r => r.Substring("DELETE /v1/tasks/".Length));
            Assert.All(sent, id => Assert.Contains($"'{id}'", warnings[0]));
            Assert.Matches(@"\. Read their state with: Get-SddcManagerTask -TaskId 'task-0\d\d'$", warnings[0]);
            // The other 96 were never sent, in the order typed: every one of the 100 is accounted for.
            Assert.Equal($"WARNING: Stopped before sending the cancels of 96 Vcf Task items, so the server never received them: "
                + string.Join(", ", ids.Skip(throttle).Take(20).Select(id => $"'{id}'")) + " and 76 more.", warnings[1]);
        }
    }
}
