using System.Management.Automation;
using System.Threading;
using OperationsModule.Adapters;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Output;

namespace OperationsModule.Cmdlets
{
    /// <summary>
    /// The output port every cmdlet gives Core: each Write* call Core makes is forwarded here, on the
    /// pipeline thread. Ctrl+C cancels the one token of the invocation.
    /// </summary>
    public abstract class OutputPortCmdlet : PSCmdlet, IOperationsOutput, IErrorActionPort
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private bool? _debugEnabled;

        protected CancellationToken StopToken => _stop.Token;

        // Set when Dispose runs: the pipeline has ended (or was torn down) and takes no more writes.
        private volatile bool _disposing;

        protected override void StopProcessing() => _stop.Cancel();

        /// <summary>
        /// Dispose has begun: work that still reports (a connection closing, its revocation) must not write to a
        /// pipeline that is gone. Warnings go to the host; everything else is dropped.
        /// </summary>
        protected void EnterDisposal() => _disposing = true;

        /// <summary>
        /// Read once, on the pipeline thread: session state must not be touched from the threads that
        /// finish HTTP calls, and nobody listening means request/response dumps are never even built.
        /// </summary>
        public bool IsDebugEnabled => _debugEnabled ??=
            MyInvocation.BoundParameters.ContainsKey("Debug")
            || !Equals(GetVariableValue("DebugPreference"), ActionPreference.SilentlyContinue);

        /// <summary>
        /// Read once, like IsDebugEnabled: a bulk run asks per item, and when nobody listens the transport
        /// skips formatting its verbose lines altogether. -Verbose:$false wins over $VerbosePreference.
        /// </summary>
        public bool IsVerboseEnabled => _verboseEnabled ??= MyInvocation.BoundParameters.TryGetValue("Verbose", out var bound)
            ? LanguagePrimitives.IsTrue(bound)
            : IsListening(GetVariableValue("VerbosePreference"));

        private bool? _verboseEnabled;

        /// <summary>Read once, like IsDebugEnabled: -ErrorAction or $ErrorActionPreference Stop (or Inquire, Break).</summary>
        public bool StopsAtFailure => _stopsAtFailure ??= EffectiveErrorAction.StopsAtFailure(this);

        private bool? _stopsAtFailure;

        private static bool IsListening(object? preference) =>
            LanguagePrimitives.TryConvertTo(preference, out ActionPreference value)
            && value != ActionPreference.SilentlyContinue && value != ActionPreference.Ignore;

        /// <summary>Cmdlets call this first in BeginProcessing, before any work leaves the pipeline thread.</summary>
        protected void CapturePreferences()
        {
            _ = IsDebugEnabled;
            _ = IsVerboseEnabled;
            _ = StopsAtFailure;
        }

        /// <summary>Bad configuration that fails every item ends the command.</summary>
        protected void Terminate(OperationsApiException exception, object? target) =>
            ThrowTerminatingError(ErrorRecordFactory.Create(exception, target));

        void IOperationsOutput.WriteObject(object item)
        {
            if (!_disposing) WriteObject(item);
        }

        void IOperationsOutput.WriteFailure(Failure failure) => WriteFailure(failure);

        internal void WriteFailure(Failure failure)
        {
            if (!_disposing) WriteError(ErrorRecordFactory.Create(failure));
        }

        void IOperationsOutput.WriteWarning(string text)
        {
            // After Ctrl+C (or once disposing) the pipeline refuses every write (PipelineStoppedException), yet a
            // warning then matters most (work keeps running on the server, a token stayed valid): the host still shows it.
            if (!_stop.IsCancellationRequested && !_disposing) WriteWarning(text);
            else Host?.UI?.WriteWarningLine(text); // a hosted runspace may have no UI
        }

        void ILogSink.WriteVerbose(string text)
        {
            if (!_disposing) WriteVerbose(text);
        }

        void ILogSink.WriteDebug(string text)
        {
            if (!_disposing) WriteDebug(text);
        }

        void IOperationsOutput.WriteProgress(ProgressInfo progress) => WriteProgress(progress);

        internal void WriteProgress(ProgressInfo progress)
        {
            if (_disposing) return;
            WriteProgress(new ProgressRecord(progress.ActivityId, progress.Activity, progress.StatusDescription)
            {
                PercentComplete = progress.PercentComplete,
                RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            });
        }
    }
}
