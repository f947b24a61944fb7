using OperationsModule.Core.Errors;
using OperationsModule.Core.Output;

namespace OperationsModule.Bench;

/// <summary>A cmdlet that writes nowhere: counts what Core emits, listens to no verbose or debug.</summary>
internal sealed class NullOutput : IOperationsOutput
{
    public long Objects { get; private set; }

    public long Failures { get; private set; }

    public Failure? FirstFailure { get; private set; }

    public bool IsDebugEnabled => false;

    public bool IsVerboseEnabled => false;

    public void WriteObject(object item) => Objects++;

    public void WriteFailure(Failure failure)
    {
        Failures++;
        FirstFailure ??= failure;
    }

    public void WriteWarning(string text) { }

    public void WriteProgress(ProgressInfo progress) { }

    public void WriteVerbose(string text) { }

    public void WriteDebug(string text) { }

    public bool ShouldProcess(string target, string action) => true;
}
