using System;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Tests.Infrastructure
{
    /// <summary>
    /// A RecordingOutput with hooks on the pipeline thread: a test acts at an exact point of a run (the Nth item's
    /// ShouldProcess, the first progress record) instead of sleeping and hoping the run is there.
    /// </summary>
    internal sealed class HookedOutput : IOperationsOutput
    {
        public RecordingOutput Recorded { get; } = new RecordingOutput();

        /// <summary>Called with each ShouldProcess target before it is recorded.</summary>
        public Action<string>? OnShouldProcess { get; set; }

        /// <summary>Called with each progress record after it is recorded.</summary>
        public Action<ProgressInfo>? OnProgress { get; set; }

        /// <summary>Called with each object after it is recorded.</summary>
        public Action<object>? OnObject { get; set; }

        /// <summary>Called with each failure after it is recorded (throw here to act like -ErrorAction Stop).</summary>
        public Action<Failure>? OnFailure { get; set; }

        public bool IsDebugEnabled => Recorded.IsDebugEnabled;

        public bool IsVerboseEnabled => Recorded.IsVerboseEnabled;

        public void WriteVerbose(string text) => Recorded.WriteVerbose(text);

        public void WriteDebug(string text) => Recorded.WriteDebug(text);

        public void WriteObject(object item)
        {
            Recorded.WriteObject(item);
            OnObject?.Invoke(item);
        }

        public void WriteFailure(Failure failure)
        {
            Recorded.WriteFailure(failure);
            OnFailure?.Invoke(failure);
        }

        public void WriteWarning(string text) => Recorded.WriteWarning(text);

        public void WriteProgress(ProgressInfo progress)
        {
            Recorded.WriteProgress(progress);
            OnProgress?.Invoke(progress);
        }

        public bool ShouldProcess(string target, string action)
        {
            OnShouldProcess?.Invoke(target);
            return Recorded.ShouldProcess(target, action);
        }
    }
}
