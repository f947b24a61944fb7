using System.Management.Automation;
using OperationsModule.Adapters;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Output;

namespace OperationsModule.Cmdlets
{
    /// <summary>
    /// The output port for the session cmdlets (Connect/Get/Disconnect), which do not take the per-call
    /// connection parameters of OperationsCmdletBase. Forwarding only.
    /// </summary>
    public abstract class SessionCmdletBase : PSCmdlet, IOperationsOutput
    {
        void IOperationsOutput.WriteObject(object item) => WriteObject(item);

        public void WriteFailure(Failure failure) => WriteError(ErrorRecordFactory.Create(failure));

        void IOperationsOutput.WriteWarning(string text) => WriteWarning(text);

        void ILogSink.WriteVerbose(string text) => WriteVerbose(text);

        void ILogSink.WriteDebug(string text) => WriteDebug(text);

        public bool IsDebugEnabled =>
            MyInvocation.BoundParameters.ContainsKey("Debug")
            || !Equals(GetVariableValue("DebugPreference"), ActionPreference.SilentlyContinue);

        public void WriteProgress(ProgressInfo progress) =>
            WriteProgress(new ProgressRecord(progress.ActivityId, progress.Activity, progress.StatusDescription)
            {
                PercentComplete = progress.PercentComplete,
                RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            });

        /// <summary>Bad configuration ends the command.</summary>
        protected void Terminate(OperationsApiException exception, object? target) =>
            ThrowTerminatingError(ErrorRecordFactory.Create(exception, target));
    }
}
