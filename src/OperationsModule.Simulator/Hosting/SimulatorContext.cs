using System.Threading;
using OperationsModule.Simulator.Faults;

namespace OperationsModule.Simulator.Hosting;

/// <summary>What endpoint handlers share: options, state, journal, faults and the seeded Random.</summary>
internal sealed class SimulatorContext
{
    public SimulatorContext(SimulatorOptions options, CancellationToken shutdown)
    {
        Options = options;
        Random = new SeededRandom(options.Seed);
        State = new SimulatorState(options);
        Journal = new RequestJournal();
        Faults = new FaultPlan(() => options.TimeProvider.GetUtcNow());
        FaultRuntime = new FaultRuntime(Random, () => options.TimeProvider.GetUtcNow(), shutdown);
        Switches = new Control.RuntimeSwitches(options);
    }

    public SimulatorOptions Options { get; }
    public SeededRandom Random { get; }
    public SimulatorState State { get; }
    public RequestJournal Journal { get; }
    public FaultPlan Faults { get; }
    public FaultRuntime FaultRuntime { get; }
    public Control.RuntimeSwitches Switches { get; }

    /// <summary>Back to a fresh start: default state, no faults, empty journal, Random re-seeded, switches as started.</summary>
    public void Reset()
    {
        Switches.Restore(Options);
        Faults.Clear();
        Journal.Clear();
        Random.Reset();
        State.Reset();
    }
}
