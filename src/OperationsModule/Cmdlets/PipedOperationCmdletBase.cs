using System.Management.Automation;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Cmdlets
{
    /// <summary>
    /// Wait-OutputCreation and Get-OutputCreationResult: take operation objects (updated in place) or IDs from
    /// the pipeline, each with the session it carries, and hand them to a Core command one at a time.
    /// </summary>
    public abstract class PipedOperationCmdletBase : OperationsCmdletBase, System.IDisposable
    {
        protected const string ByIdSet = "ById";
        protected const string ByOperationSet = "ByOperation";
        private IPipedOperationCommand? _command;
        private bool _sessionExplicit;
        private bool _stopped;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
        [Alias("Id")]
        public string? OperationId { get; set; }

        /// <summary>An operation from Submit-OutputCreation or Wait-OutputCreation.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByOperationSet)]
        [ValidateNotNull]
        public OutputCreationOperation? InputObject { get; set; }

        protected override OperationsSystem System => OperationsSystem.OLConnect;

        protected abstract IPipedOperationCommand CreateCommand(ConnectionPlan connections);

        protected override void BeginProcessing()
        {
            CapturePreferences();
            // Only command-line parameters are bound here, so this tells a typed -Session from a piped one.
            _sessionExplicit = MyInvocation.BoundParameters.ContainsKey(nameof(Session));
            try
            {
                _command = CreateCommand(new ConnectionPlan(BuildConnectionRequest(), SessionStore.Default));
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
