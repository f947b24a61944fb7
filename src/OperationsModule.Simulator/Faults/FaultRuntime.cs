using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OperationsModule.Simulator.Hosting;

namespace OperationsModule.Simulator.Faults;

/// <summary>What an action needs from the server: the seeded Random, the clock and the shutdown signal (so hangs end on dispose).</summary>
internal sealed class FaultRuntime
{
    private readonly Func<DateTimeOffset> _now;

    public FaultRuntime(SeededRandom random, Func<DateTimeOffset> now, CancellationToken shutdown)
    {
        Random = random;
        _now = now;
        Shutdown = shutdown;
    }

    public SeededRandom Random { get; }

    /// <summary><see cref="SimulatorOptions.TimeProvider"/>'s time, read per request (so a test may swap it).</summary>
    public DateTimeOffset Now => _now();
    public CancellationToken Shutdown { get; }

    /// <summary>Waits; on client disconnect or server shutdown, aborts the connection and reports false.</summary>
    public async Task<bool> WaitAsync(HttpContext context, TimeSpan delay)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, Shutdown);
        try
        {
            await Task.Delay(delay, linked.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            Aborts.Abort(context);
            return false;
        }
    }
}
