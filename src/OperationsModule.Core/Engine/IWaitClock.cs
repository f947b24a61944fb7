using System;
using System.Threading;
using System.Threading.Tasks;

namespace OperationsModule.Core.Engine
{
    /// <summary>
    /// Time for polling loops. Injected so tests drive a wait with a virtual clock instead of sleeping.
    /// </summary>
    internal interface IWaitClock
    {
        DateTimeOffset UtcNow { get; }

        /// <summary>Waits; throws OperationCanceledException when the token is cancelled (Ctrl+C).</summary>
        Task Delay(TimeSpan delay, CancellationToken cancellationToken);
    }

    internal sealed class SystemWaitClock : IWaitClock
    {
        public static readonly SystemWaitClock Instance = new SystemWaitClock();

        public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

        public Task Delay(TimeSpan delay, CancellationToken cancellationToken) =>
            delay > TimeSpan.Zero ? Task.Delay(delay, cancellationToken) : CompletedUnlessCancelled(cancellationToken);

        private static Task CompletedUnlessCancelled(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        }
    }
}
