using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Engine;

namespace OperationsModule.Core.Tests.Infrastructure
{
    /// <summary>A virtual clock: Delay returns at once and moves time forward, so waits never sleep.</summary>
    public sealed class FakeWaitClock : IWaitClock
    {
        private readonly Func<int, CancellationToken, Task>? _onDelay;

        /// <param name="onDelay">Runs at each delay (1-based index), e.g. to change the server's state between polls or to press Ctrl+C.</param>
        public FakeWaitClock(Func<int, CancellationToken, Task>? onDelay = null) => _onDelay = onDelay;

        public DateTimeOffset UtcNow { get; private set; } = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public List<TimeSpan> Delays { get; } = new List<TimeSpan>();

        /// <summary>How much sooner than asked a delay of over a millisecond ends, as a timer counting whole milliseconds may.</summary>
        public TimeSpan FiresEarlyBy { get; set; }

        public async Task Delay(TimeSpan delay, CancellationToken cancellationToken)
        {
            Delays.Add(delay);
            UtcNow += delay > TimeSpan.FromMilliseconds(1) ? delay - FiresEarlyBy : delay;
            if (_onDelay is not null) await _onDelay(Delays.Count, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
