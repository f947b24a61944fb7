using System.Collections.Generic;
using System.Management.Automation;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Models;
using OperationsModule.Core.Systems.Vcf;

namespace OperationsModule.Cmdlets
{
    /// <summary>
    /// Cancels VMware Cloud Foundation SDDC Manager tasks: DELETE /v1/tasks/{id}. PowerCLI also has a Stop-Task;
    /// use OperationsModule\Stop-Task or Import-Module -Prefix when both modules are loaded.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "Task", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CancellationResult))]
    public sealed class StopTaskCommand : StopCmdletBase
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [AllowEmptyString] // an empty line gets the module's InvalidParameter (IdValidator), like a blank one
        public string[]? TaskId { get; set; }

        protected override OperationsSystem System => OperationsSystem.Vcf;

        protected override ICancelEndpoint Endpoint => TaskCancelEndpoint.Instance;

        protected override Core.Waiting.IItemStateReader StateReader => VcfTaskStateReader.Instance;

        protected override IReadOnlyList<string?> CurrentIds => TaskId ?? NoIds;
    }
}
