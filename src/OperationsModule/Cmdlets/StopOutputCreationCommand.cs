using System.Collections.Generic;
using System.Management.Automation;
using OperationsModule.Adapters;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Models;
using OperationsModule.Core.Systems.OLConnect;

namespace OperationsModule.Cmdlets
{
    /// <summary>Cancels OL Connect output creation operations: POST .../outputcreation/cancel/{operationId}.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "OutputCreation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CancellationResult))]
    public sealed class StopOutputCreationCommand : StopCmdletBase
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [AllowEmptyString] // an empty line gets the module's InvalidParameter (IdValidator), like a blank one
        [PipedId(typeof(StopOutputCreationCommand), nameof(OperationId))]
        public string[]? OperationId { get; set; }

        protected override OperationsSystem System => OperationsSystem.OLConnect;

        private protected override ICancelEndpoint Endpoint => OutputCreationCancelEndpoint.Instance;

        private protected override Core.Waiting.IItemStateReader StateReader => Core.Systems.OLConnect.Listing.OutputCreationStateReader.Instance;

        protected override IReadOnlyList<string?> CurrentIds => OperationId ?? NoIds;
    }
}
