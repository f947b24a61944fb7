using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OperationsModule.Adapters;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Systems.Vcf;
using OperationsModule.Core.Validation;

namespace OperationsModule.Cmdlets
{
    /// <summary>
    /// Cancels VMware Cloud Foundation SDDC Manager tasks: DELETE /v1/tasks/{id}. PowerCLI also has a Stop-Task: its
    /// task objects (piped, or given to its own -Task parameter) are passed to VMware.VimAutomation.Common\Stop-Task
    /// when PowerCLI is loaded and refused when it is not (see PowerCliTasks), never sent to SDDC Manager.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "Task", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = TaskIdSet)]
    [OutputType(typeof(CancellationResult), ParameterSetName = new[] { TaskIdSet })]
    public sealed class StopTaskCommand : StopCmdletBase
    {
        private const string TaskIdSet = "TaskId";
        private const string PowerCliSet = "PowerCLITask";
        private List<string> _commandLine = new List<string>();
        private IReadOnlyList<string?> _sddcIds = NoIds;
        private bool _apiStarted;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = TaskIdSet)]
        [Alias("Id")]
        [AllowEmptyString] // an empty line gets the module's InvalidParameter (IdValidator), like a blank one
        [PowerCliAwareTaskId(typeof(StopTaskCommand), nameof(TaskId))]
        public string[]? TaskId { get; set; }

        /// <summary>PowerCLI's parameter, declared so that it never binds as an abbreviation of -TaskId: passed to PowerCLI's Stop-Task as given.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PowerCliSet)]
        public object[]? Task { get; set; }

        protected override OperationsSystem System => OperationsSystem.Vcf;

        private protected override ICancelEndpoint Endpoint => TaskCancelEndpoint.Instance;

        private protected override Core.Waiting.IItemStateReader StateReader => VcfTaskStateReader.Instance;

        protected override IReadOnlyList<string?> CurrentIds => _sddcIds;

        protected override void BeginProcessing()
        {
            _commandLine = MyInvocation.BoundParameters.Keys.ToList();
            if (ParameterSetName == PowerCliSet)
            {
                // Refused before anything runs: -Session and the like cannot go with PowerCLI's -Task.
                try
                {
                    PowerCliTasks.ForwardedParameters(_commandLine, onlyPowerCli: true);
                }
                catch (OperationsApiException ex)
                {
                    Terminate(ex, null);
                }
                return;
            }
            _apiStarted = true;
            base.BeginProcessing();
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == PowerCliSet)
            {
                ToPowerCli(Task!, Task);
                return;
            }
            var ids = TaskId ?? NoIds;
            var powerCli = ids.Select(id => PipedStandIns.TryGet(id, out var standIn) && standIn.Owner == PowerCliTasks.Owner ? standIn.Original : null).Where(o => o is not null).ToArray();
            if (powerCli.Length > 0)
            {
                ToPowerCli(powerCli!, powerCli.Length == 1 ? powerCli[0] : powerCli);
                _sddcIds = ids.Where(id => !PipedStandIns.TryGet(id, out var standIn) || standIn.Owner != PowerCliTasks.Owner).ToList();
                if (_sddcIds.Count == 0) return;
            }
            else
            {
                _sddcIds = ids;
            }
            base.ProcessRecord();
        }

        protected override void EndProcessing()
        {
            if (_apiStarted) base.EndProcessing();
        }

        /// <summary>Hands PowerCLI's tasks to its Stop-Task with the parameters it shares with this one, or refuses them.</summary>
        private void ToPowerCli(object[] tasks, object? target)
        {
            try
            {
                var forwarded = PowerCliTasks.ForwardedParameters(_commandLine, onlyPowerCli: ParameterSetName == PowerCliSet);
                var command = NestedCommand.LoadedCmdlet(this, PowerCliTasks.ModuleName, "Stop", "Task")
                    ?? throw PowerCliTasks.NotLoaded(ParameterSetName == PowerCliSet ? PowerCliTasks.TaskParameter : nameof(TaskId), Describe(tasks));
                var parameters = forwarded.Where(name => name != PowerCliTasks.TaskParameter)
                    .Select(name => new KeyValuePair<string, object?>(name, MyInvocation.BoundParameters[name]))
                    .Prepend(new KeyValuePair<string, object?>(PowerCliTasks.TaskParameter, tasks));
                NestedCommand.Run(this, command, parameters);
            }
            catch (OperationsApiException ex)
            {
                WriteError(ErrorRecordFactory.Create(ex, target));
            }
        }

        private static string Describe(object[] tasks) =>
            tasks.Length == 1 ? $"'{tasks[0]}'" : $"each of the {tasks.Length} objects given";
    }
}
