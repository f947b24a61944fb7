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
    }
}
