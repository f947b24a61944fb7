using System.Management.Automation;
using OperationsModule.Adapters;
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
        private bool _stopped;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
        [Alias("Id")]
        [AllowEmptyString] // an empty line gets the module's InvalidParameter (IdValidator), like a blank one
        [PipedId(typeof(PipedOperationCmdletBase), nameof(OperationId), TakenWhole = new[] { typeof(OutputCreationOperation) })]
        public string[]? OperationId { get; set; }

        /// <summary>An operation from Submit-OutputCreation or Wait-OutputCreation.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByOperationSet)]
        [ValidateNotNull]
        public OutputCreationOperation? InputObject { get; set; }

        /// <summary>
        /// Binds a piped row's Server only in the ID set: an operation object names its server itself, and a
        /// property bound in the default set would make PowerShell bind the row's text to it rather than the ID set.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
        [Parameter(ParameterSetName = ByOperationSet)]
        [Alias("Server", "Uri")]
        [ValidateNotNull]
        public override System.Uri? BaseUri { get; set; }

        protected override OperationsSystem System => OperationsSystem.OLConnect;

        private protected abstract IPipedOperationCommand CreateCommand(ConnectionPlan connections);

        protected override void BeginProcessing()
        {
            BeginInvocation();
            try
            {
                _command = CreateCommand(OpenConnections());
            }
            catch (OperationsApiException ex)
            {
                Terminate(ex, BaseUri);
            }
        }

        protected override void ProcessRecord()
        {
            if (InputObject is not null)
            {
                Process(InputObject, null, PipedSession);
                return;
            }
            foreach (var id in OperationId ?? NoIds)
                Process(null, id, PipedSession);
        }

        private void Process(OutputCreationOperation? operation, string? id, OperationsSession? pipedSession)
        {
            if (_stopped) return;
            try
            {
                _stopped = !_command!.Process(operation, id, pipedSession, PipedServer);
            }
            catch (OperationsApiException ex)
            {
                Terminate(ex, operation?.OperationId ?? id);
            }
        }

        protected override void EndProcessing() => EndConnections();

        public void Dispose()
        {
            EndConnectionsOnDispose();
            _command?.Dispose();
        }
    }
}
