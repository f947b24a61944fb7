using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace OperationsModule.Simulator.Hosting;

/// <summary>
/// Replaces ConsoleLifetime: an in-process server (many per test run) must not hook Ctrl+C/SIGTERM.
/// Program.cs handles signals itself.
/// </summary>
internal sealed class NoConsoleLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
