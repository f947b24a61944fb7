using System.Collections.Generic;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Output;

namespace OperationsModule.Bench;

/// <summary>A cmdlet that writes nowhere: counts what Core emits, listens to no verbose or debug.</summary>
/// <param name="keepFailedIds">Remember which IDs failed (the scenario rows); off for the throughput and memory runs.</param>
internal sealed class NullOutput(bool keepFailedIds = false) : IOperationsOutput
{
    public long Objects { get; private set; }

    public long Failures { get; private set; }

    public Failure? FirstFailure { get; private set; }

    /// <summary>The piped IDs that got an error record (only with keepFailedIds).</summary>
    public HashSet<string> FailedIds { get; } = new();

    public bool IsDebugEnabled => false;

    public bool IsVerboseEnabled => false;

    public void WriteObject(object item) => Objects++;

    public void WriteFailure(Failure failure)
    {
        Failures++;
        FirstFailure ??= failure;
        if (keepFailedIds && failure.TargetObject is string id)
        {
            FailedIds.Add(id);
        }
    }

    public void WriteWarning(string text) { }

    public void WriteProgress(ProgressInfo progress) { }

    public void WriteVerbose(string text) { }

    public void WriteDebug(string text) { }

    public bool ShouldProcess(string target, string action) => true;
}
