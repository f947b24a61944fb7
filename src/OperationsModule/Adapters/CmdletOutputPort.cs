using System.Management.Automation;
using System.Threading;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Output;

namespace OperationsModule.Adapters
{
    /// <summary>
    /// The output port a cmdlet gives Core: each Write* call Core makes is forwarded to the cmdlet, on the pipeline
    /// thread. Ctrl+C cancels the one token of the invocation. Held by the cmdlet rather than inherited, so a command
    /// gets it whatever its base class.
    /// </summary>
    internal sealed class CmdletOutputPort : IOperationsOutput, IErrorActionPort
    {
        private readonly PSCmdlet _cmdlet;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private bool? _debugEnabled;
        private bool? _verboseEnabled;
        private bool? _stopsAtFailure;

        // Set when the cmdlet's Dispose runs: the pipeline has ended (or was torn down) and takes no more writes.
        private volatile bool _disposing;

        public CmdletOutputPort(PSCmdlet cmdlet) => _cmdlet = cmdlet;

        public CancellationToken StopToken => _stop.Token;

        /// <summary>The cmdlet's StopProcessing (Ctrl+C), or a pipeline torn down early.</summary>
        public void Stop() => _stop.Cancel();

        /// <summary>
        /// Dispose has begun: work that still reports (a connection closing, its revocation) must not write to a
        /// pipeline that is gone. Warnings go to the host; everything else is dropped.
        /// </summary>
        public void EnterDisposal() => _disposing = true;

        /// <summary>
        /// Read once, on the pipeline thread: session state must not be touched from the threads that
        /// finish HTTP calls, and nobody listening means request/response dumps are never even built.
        /// </summary>
        public bool IsDebugEnabled => _debugEnabled ??=
            _cmdlet.MyInvocation.BoundParameters.ContainsKey("Debug")
            || !Equals(_cmdlet.GetVariableValue("DebugPreference"), ActionPreference.SilentlyContinue);

        /// <summary>
        /// Read once, like IsDebugEnabled: a bulk run asks per item, and when nobody listens the transport
        /// skips formatting its verbose lines altogether. -Verbose:$false wins over $VerbosePreference.
        /// </summary>
        public bool IsVerboseEnabled => _verboseEnabled ??= _cmdlet.MyInvocation.BoundParameters.TryGetValue("Verbose", out var bound)
            ? LanguagePrimitives.IsTrue(bound)
            : IsListening(_cmdlet.GetVariableValue("VerbosePreference"));

        /// <summary>Read once, like IsDebugEnabled: -ErrorAction or $ErrorActionPreference Stop (or Inquire, Break).</summary>
        public bool StopsAtFailure => _stopsAtFailure ??= EffectiveErrorAction.StopsAtFailure(_cmdlet);

        private static bool IsListening(object? preference) =>
            LanguagePrimitives.TryConvertTo(preference, out ActionPreference value)
            && value != ActionPreference.SilentlyContinue && value != ActionPreference.Ignore;

        /// <summary>Cmdlets call this first in BeginProcessing, before any work leaves the pipeline thread.</summary>
        public void CapturePreferences()
        {
            _ = IsDebugEnabled;
            _ = IsVerboseEnabled;
            _ = StopsAtFailure;
        }

        public void WriteObject(object item)
        {
            if (_disposing) return;
            try
            {
                _cmdlet.WriteObject(item);
            }
            catch (PipelineStoppedException) when (StopsOnRefusal())
            {
                throw;
            }
        }

        public void WriteFailure(Failure failure)
        {
            if (_disposing) return;
            try
            {
                _cmdlet.WriteError(ErrorRecordFactory.Create(failure));
            }
            catch (PipelineStoppedException) when (StopsOnRefusal())
            {
                throw;
            }
        }

        /// <summary>
        /// A stopping pipeline (Ctrl+C) refused a write, maybe before StopProcessing reached this command: the run is
        /// stopped from here, so Core counts the record as not shown and names its item. Not so when a downstream
        /// Select-Object -First ends the pipeline upstream of itself: it has taken the object.
        /// </summary>
        private bool StopsOnRefusal()
        {
            if (!_cmdlet.Stopping) return false;
            _stop.Cancel();
            return true;
        }

        public void WriteWarning(string text)
        {
            // After Ctrl+C (or once disposing) the pipeline refuses every write (PipelineStoppedException), yet a
            // warning then matters most (work keeps running on the server, a token stayed valid): the host still shows it.
            if (!_stop.IsCancellationRequested && !_disposing) _cmdlet.WriteWarning(text);
            else _cmdlet.Host?.UI?.WriteWarningLine(text); // a hosted runspace may have no UI
        }

        public void WriteVerbose(string text)
        {
            if (!_disposing) _cmdlet.WriteVerbose(text);
        }

        public void WriteDebug(string text)
        {
            if (!_disposing) _cmdlet.WriteDebug(text);
        }

        public void WriteProgress(ProgressInfo progress)
        {
            if (_disposing) return;
            _cmdlet.WriteProgress(new ProgressRecord(progress.ActivityId, progress.Activity, progress.StatusDescription)
            {
                PercentComplete = progress.PercentComplete,
                RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            });
        }

        public bool ShouldProcess(string target, string action) => _cmdlet.ShouldProcess(target, action);
    }
}
