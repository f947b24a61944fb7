using System.Management.Automation;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using CoreGet = OperationsModule.Core.Commands.GetOutputCreationResultCommand;

namespace OperationsModule.Cmdlets
{
    /// <summary>
    /// Gets the result of finished OL Connect output creation operations: the output paths (POST getResultTxt),
    /// or with -OutFile the file's bytes (POST getResult) saved to disk.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OutputCreationResult", DefaultParameterSetName = ByIdSet)]
    [OutputType(typeof(OutputCreationResult))]
    public sealed class GetOutputCreationResultCommand : OperationsCmdletBase, System.IDisposable
    {
        private const string ByIdSet = "ById";
        private const string ByOperationSet = "ByOperation";
        private CoreGet? _command;
        private bool _sessionExplicit;
        private bool _stopped;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
        [Alias("Id")]
        public string? OperationId { get; set; }

        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByOperationSet)]
        [ValidateNotNull]
        public OutputCreationOperation? InputObject { get; set; }

        /// <summary>Save the result file's bytes here: a file path, or an existing folder for &lt;OperationId&gt;.&lt;ext&gt; files.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Alias("Path")]
        public string? OutFile { get; set; }

        protected override OperationsSystem System => OperationsSystem.OLConnect;

        protected override void BeginProcessing()
        {
            CapturePreferences();
            _sessionExplicit = MyInvocation.BoundParameters.ContainsKey(nameof(Session));
            try
            {
                // Relative paths mean the PowerShell location, not the process's working directory.
                var outFile = OutFile is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutFile);
                var plan = new ConnectionPlan(BuildConnectionRequest(), SessionStore.Default);
                _command = new CoreGet(plan, outFile, this, StopToken);
            }
            catch (OperationsApiException ex)
            {
                Terminate(ex, BaseUri);
            }
        }

        protected override void ProcessRecord()
        {
            if (_stopped) return;
            try
            {
                _stopped = !_command!.Process(InputObject, OperationId, _sessionExplicit ? null : Session);
            }
            catch (OperationsApiException ex)
            {
                Terminate(ex, InputObject?.OperationId ?? OperationId);
            }
        }

        public void Dispose() => _command?.Dispose();
    }
}
