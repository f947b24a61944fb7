using System.Management.Automation;
using OperationsModule.Core.Commands;
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
    [Cmdlet(VerbsLifecycle.Wait, "OutputCreation", DefaultParameterSetName = ByOperationSet)]
    [OutputType(typeof(OutputCreationOperation))]
    public sealed class WaitOutputCreationCommand : PipedOperationCmdletBase
    {
        /// <summary>Seconds between getProgress calls.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int PollIntervalSec { get; set; } = 2;

        /// <summary>Bound on the whole wait per operation (not per request: that is -TimeoutSec).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int WaitTimeoutSec { get; set; } = 3600;

        private protected override IPipedOperationCommand CreateCommand(ConnectionPlan connections) =>
            new CoreWait(connections, WaitOptions.FromSeconds(PollIntervalSec, WaitTimeoutSec), Port, StopToken);
    }
}
