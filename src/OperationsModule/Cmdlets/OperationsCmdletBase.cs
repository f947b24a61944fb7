using System;
using System.Management.Automation;
using System.Security;
using System.Threading;
using OperationsModule.Adapters;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Output;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Cmdlets
{
    /// <summary>
    /// Shared parameters and the output port: every Write* call Core makes is forwarded here, on the
    /// pipeline thread. Ctrl+C cancels the one token of the invocation.
    /// </summary>
    public abstract class OperationsCmdletBase : PSCmdlet, IOperationsOutput
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();

        /// <summary>A session from Connect-OperationsServer; also bound from piped objects that carry one.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public OperationsSession? Session { get; set; }

        [Parameter]
        [ValidateNotNull]
        public Uri? BaseUri { get; set; }

        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        [Parameter]
        public SecureString? Token { get; set; }

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int TimeoutSec { get; set; }

        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int MaximumRetryCount { get; set; }

        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int RetryIntervalSec { get; set; }

        [Parameter]
        public SwitchParameter SkipCertificateCheck { get; set; }

        [Parameter]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        protected abstract OperationsSystem System { get; }

        protected CancellationToken StopToken => _stop.Token;

        /// <summary>Derived cmdlets that override BeginProcessing call this first.</summary>
        protected void CapturePreferences() => _ = IsDebugEnabled;

        /// <summary>The connection settings the user typed (not those bound from the pipeline).</summary>
        protected ConnectionRequest BuildConnectionRequest()
        {
            var bound = MyInvocation.BoundParameters;
            return new ConnectionRequest(System)
            {
                Session = bound.ContainsKey(nameof(Session)) ? Session : null,
                BaseUri = BaseUri?.OriginalString,
                Credential = SecretConverter.ToCredential(Credential),
                Token = SecretConverter.ToSecret(Token),
                TimeoutSec = bound.ContainsKey(nameof(TimeoutSec)) ? TimeoutSec : (int?)null,
                MaximumRetryCount = bound.ContainsKey(nameof(MaximumRetryCount)) ? MaximumRetryCount : (int?)null,
                RetryIntervalSec = bound.ContainsKey(nameof(RetryIntervalSec)) ? RetryIntervalSec : (int?)null,
                SkipCertificateCheck = SkipCertificateCheck.IsPresent,
                AllowUnencryptedAuthentication = AllowUnencryptedAuthentication.IsPresent,
                UserAgent = "OperationsModule/" + typeof(OperationsCmdletBase).Assembly.GetName().Version?.ToString(3) + " PowerShell/" + Host?.Version,
            };
        }

        /// <summary>Bad configuration that fails every item ends the command.</summary>
        protected void Terminate(OperationsApiException exception, object? target) =>
            ThrowTerminatingError(ErrorRecordFactory.Create(exception, target));

        protected override void StopProcessing() => _stop.Cancel();

        // IOperationsOutput: forwarding only.
        void IOperationsOutput.WriteObject(object item) => WriteObject(item);

        public void WriteFailure(Failure failure) => WriteError(ErrorRecordFactory.Create(failure));

        void IOperationsOutput.WriteWarning(string text)
        {
            // After Ctrl+C the pipeline refuses every write (PipelineStoppedException), yet the warning that
            // work keeps running on the server matters most then: the host still shows it.
            if (!_stop.IsCancellationRequested) WriteWarning(text);
            else Host?.UI?.WriteWarningLine(text); // a hosted runspace may have no UI
        }

        void ILogSink.WriteVerbose(string text) => WriteVerbose(text);

        void ILogSink.WriteDebug(string text) => WriteDebug(text);

        private bool? _debugEnabled;

        /// <summary>
        /// Read once, on the pipeline thread: session state must not be touched from the threads that
        /// finish HTTP calls, and nobody listening means request/response dumps are never even built.
        /// </summary>
        public bool IsDebugEnabled => _debugEnabled ??=
            MyInvocation.BoundParameters.ContainsKey("Debug")
            || !Equals(GetVariableValue("DebugPreference"), ActionPreference.SilentlyContinue);

        public void WriteProgress(ProgressInfo progress) =>
            WriteProgress(new ProgressRecord(progress.ActivityId, progress.Activity, progress.StatusDescription)
            {
                PercentComplete = progress.PercentComplete,
                RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            });
    }
}
