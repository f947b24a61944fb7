using System.Collections.Generic;
using System.Management.Automation;
using OperationsModule.Adapters;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Models;
using OperationsModule.Core.Systems.Onedata;

namespace OperationsModule.Cmdlets
{
    /// <summary>Cancels Onedata automation workflow executions: POST .../automation/execution/workflows/{wid}/cancel.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "WorkflowExecution", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CancellationResult))]
    public sealed class StopWorkflowExecutionCommand : StopCmdletBase
    {
        /// <summary>The workflow execution ID (wid); atmWorkflowExecutionId binds objects from Onedata's own JSON.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("wid", "Id", "atmWorkflowExecutionId")]
        [AllowEmptyString] // an empty line gets the module's InvalidParameter (IdValidator), like a blank one
        [PipedId(typeof(StopWorkflowExecutionCommand), nameof(ExecutionId))]
        public string[]? ExecutionId { get; set; }

        protected override OperationsSystem System => OperationsSystem.Onedata;

        private protected override ICancelEndpoint Endpoint => WorkflowExecutionCancelEndpoint.Instance;

        private protected override Core.Waiting.IItemStateReader StateReader => WorkflowExecutionStateReader.Instance;

        protected override IReadOnlyList<string?> CurrentIds => ExecutionId ?? NoIds;
    }
}
