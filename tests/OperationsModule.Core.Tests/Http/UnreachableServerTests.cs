using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Engine;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.Onedata;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.Core.Tests.Http;

/// <summary>
/// A dead server costs seconds, a restarting one nothing: with default retries, requests that cannot connect probe
/// while the rest hold; then every remaining item fails at once, unsent, or all go on once a probe is answered.
/// Retries wait on a virtual clock, so the figures are virtual seconds and nothing sleeps.
/// </summary>
public class UnreachableServerTests
{
    /// <summary>A per-call Onedata command with the default retries (3, 1 s apart) and -ThrottleLimit 8, on <paramref name="clock"/>.</summary>
    private static RecordingOutput Stop(int port, IWaitClock clock, int count)
    {
        var request = Connections.PerCall(OperationsSystem.Onedata, new Uri($"http://127.0.0.1:{port}/"), token: Connections.Secret("onedata-good-token"), retries: 3);
        request.RetryIntervalSec = 1;
        using var session = SessionResolver.CreateSession(request, persistent: false);
        session.Transport.Throttle.Clock = clock;
        var output = new RecordingOutput { IsVerboseEnabled = false, IsDebugEnabled = false };
        using (var command = new StopCommand(WorkflowExecutionCancelEndpoint.Instance, new ConnectionPlan(new ConnectionRequest(OperationsSystem.Onedata) { Session = session }, new SessionStore()), 8, output, CancellationToken.None))
        {
            foreach (var id in Enumerable.Range(1, count).Select(i => "wid-" + i))
            {
                command.Process(id);
                command.Flush();
            }
            command.Complete();
        }
        return output;
    }

    [Fact]
    public void A_thousand_items_against_a_dead_port_end_within_seconds_with_a_thousand_records()
    {
        var clock = new VirtualClock();

        var output = Stop(ClosedPort.Take(), clock, 1000);

        Assert.Equal(1000, output.Failures.Count);
        Assert.Equal(1000, output.Failures.Select(f => f.TargetObject).Distinct().Count());
        Assert.All(output.Failures, f => Assert.Equal(ErrorIds.ConnectionFailed, f.ErrorId));
        Assert.All(output.Failures, f => Assert.Equal(ErrorCategoryName.ConnectionError, f.Category));
        // Only the requests in flight when the server was found dead tried (and retried) themselves.
        var unsent = output.Failures.Count(f => f.Exception.Message.Contains("was not sent because the server was unreachable"));
        Assert.InRange(unsent, 1000 - 8, 1000 - 1);
        // Back-off spent, summed over every request (the 8 probes wait side by side, so the run takes about a
        // probe's 3.5-7 s). Before: every item retried on its own, about 1,000 x 5 s.
        Assert.True(clock.TotalWaited <= TimeSpan.FromSeconds(8 * 7), $"waited {clock.TotalWaited.TotalSeconds} virtual s in all");
    }

    [Fact]
    public async Task A_server_that_starts_two_seconds_late_loses_nothing()
    {
        var port = ClosedPort.Take();
        SimulatorServer? sim = null;
        var clock = new StartingClock(TimeSpan.FromSeconds(2), () =>
        {
            sim = SimulatorServer.StartAsync(new SimulatorOptions { Port = port }).GetAwaiter().GetResult();
            sim.State.Onedata.AddExecutions(Enumerable.Range(1, 100).Select(i => "wid-" + i));
        });
        try
        {
            var output = Stop(port, clock, 100);

            Assert.Empty(output.Failures);
            Assert.Equal(100, output.Objects.Count);
            Assert.NotNull(sim);
        }
        finally
        {
            if (sim is not null) await sim.DisposeAsync();
        }
    }

    /// <summary>
    /// A virtual clock that starts the server once waits have moved it past <c>after</c>: a wait that ends after that
    /// moment returns only once the server listens, as it would in real time.
    /// </summary>
    private sealed class StartingClock : IWaitClock
    {
        private readonly VirtualClock _clock = new VirtualClock();
        private readonly DateTimeOffset _at;
        private readonly Lazy<bool> _started;

        public StartingClock(TimeSpan after, Action start)
        {
            _at = _clock.UtcNow + after;
            _started = new Lazy<bool>(() => { start(); return true; }, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public DateTimeOffset UtcNow => _clock.UtcNow;

        public async Task Delay(TimeSpan delay, CancellationToken cancellationToken)
        {
            await _clock.Delay(delay, cancellationToken);
            if (_clock.UtcNow >= _at) _ = _started.Value;
        }
    }
}
