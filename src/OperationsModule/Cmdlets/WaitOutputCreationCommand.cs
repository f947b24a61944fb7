using System.Management.Automation;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.OLConnect;
using CoreWait = OperationsModule.Core.Commands.WaitOutputCreationCommand;

namespace OperationsModule.Cmdlets
{
    /// <summary>
    /// Waits for OL Connect output creation operations: polls getProgress with Write-Progress until done,
    /// then fetches the output paths (POST getResultTxt) and emits the completed operation.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "OutputCreation", DefaultParameterSetName = ByIdSet)]
    [OutputType(typeof(OutputCreationOperation))]
    public sealed class WaitOutputCreationCommand : OperationsCmdletBase, System.IDisposable
    {
        private const string ByIdSet = "ById";
        private const string ByOperationSet = "ByOperation";
        private CoreWait? _command;
        private bool _sessionExplicit;
        private bool _stopped;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
        [Alias("Id")]
        public string? OperationId { get; set; }

        /// <summary>An operation from Submit-OutputCreation; it is updated in place (State, PercentComplete, Result).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByOperationSet)]
        [ValidateNotNull]
        public OutputCreationOperation? InputObject { get; set; }

        /// <summary>Seconds between getProgress calls.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int PollIntervalSec { get; set; } = 2;

        /// <summary>Bound on the whole wait per operation (not per request: that is -TimeoutSec).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int WaitTimeoutSec { get; set; } = 3600;

        protected override OperationsSystem System => OperationsSystem.OLConnect;

        protected override void BeginProcessing()
        {
            CapturePreferences();
            _sessionExplicit = MyInvocation.BoundParameters.ContainsKey(nameof(Session));
            try
            {
                var plan = new ConnectionPlan(BuildConnectionRequest(), SessionStore.Default);
                _command = new CoreWait(plan, WaitOptions.FromSeconds(PollIntervalSec, WaitTimeoutSec), this, StopToken);
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
