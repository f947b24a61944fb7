using System;
using OperationsModule.Core.Tests.Infrastructure;

namespace OperationsModule.Core.Tests.Simulator;

/// <summary>
/// The simulator's clock following a <see cref="VirtualClock"/>: pass it as <c>SimulatorOptions.TimeProvider</c> so
/// the token bucket, fixed windows and outages move with the same virtual time as the client's waits.
/// Virtual time moves only when something waits on the clock or a test advances it: a client that sends without
/// ever waiting never sees a bucket refill or a window end.
/// </summary>
public sealed class VirtualTimeProvider(VirtualClock clock) : TimeProvider
{
    public VirtualClock Clock { get; } = clock;

    public override DateTimeOffset GetUtcNow() => Clock.UtcNow;

    // The simulator reads only GetUtcNow; timestamps follow it too, so nothing here reads real time.
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Clock.UtcNow.UtcTicks;
}
