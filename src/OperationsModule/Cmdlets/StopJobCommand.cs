using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using OperationsModule.Adapters;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Systems.BigChange;
using Routing = OperationsModule.Core.Systems.BigChange.StopJobRouting;

namespace OperationsModule.Cmdlets
{
    /// <summary>
    /// Cancels BigChange jobs (PUT /v1/jobs/{jobId}/cancel) and, because Stop-Job is also PowerShell's own cmdlet,
    /// declares the built-in's parameter sets unchanged and forwards them to Microsoft.PowerShell.Core\Stop-Job.
    /// StopJobRouting (Core) decides per record; this class only executes the decision.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "Job", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        DefaultParameterSetName = Routing.SessionIdParameterSet)]
    [OutputType(typeof(CancellationResult), ParameterSetName = new[] { Routing.BigChangeParameterSet })]
    [OutputType(typeof(System.Management.Automation.Job), ParameterSetName = new[]
    {
        Routing.SessionIdParameterSet, Routing.JobParameterSet, Routing.NameParameterSet,
        Routing.InstanceIdParameterSet, Routing.StateParameterSet, Routing.FilterParameterSet,
    })]
    public sealed partial class StopJobCommand : StopCmdletBase
    {
        private List<string> _commandLine = new List<string>();
        private bool _apiStarted;

        // ---- BigChange: selected only by name or by piped property name, never by position or piped value ----

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = Routing.BigChangeParameterSet)]
        public long[]? JobId { get; set; }

        /// <summary>Validated in Core by ReasonValidator (empty, over 500 characters, control characters) so the error names -Reason the module's way.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = Routing.BigChangeParameterSet)]
        [AllowEmptyString]
        public string? Reason { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = Routing.BigChangeParameterSet)]
        public long CustomerId { get; set; }

        // ---- PowerShell's own Stop-Job, declared as Microsoft.PowerShell.Core\Stop-Job declares it ----

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = Routing.SessionIdParameterSet)]
        [ValidateNotNullOrEmpty]
        public int[]? Id { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = Routing.JobParameterSet)]
        [ValidateNotNullOrEmpty]
        public System.Management.Automation.Job[]? Job { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = Routing.NameParameterSet)]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = Routing.InstanceIdParameterSet)]
        [ValidateNotNullOrEmpty]
        public Guid[]? InstanceId { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = Routing.StateParameterSet)]
        public JobState State { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = Routing.FilterParameterSet)]
        public Hashtable? Filter { get; set; }

        [Parameter(ParameterSetName = Routing.SessionIdParameterSet)]
        [Parameter(ParameterSetName = Routing.JobParameterSet)]
        [Parameter(ParameterSetName = Routing.NameParameterSet)]
        [Parameter(ParameterSetName = Routing.InstanceIdParameterSet)]
        [Parameter(ParameterSetName = Routing.StateParameterSet)]
        [Parameter(ParameterSetName = Routing.FilterParameterSet)]
        public SwitchParameter PassThru { get; set; }

        protected override OperationsSystem System => OperationsSystem.BigChange;

        private protected override ICancelEndpoint Endpoint => JobCancelEndpoint.Instance;

        protected override IReadOnlyList<string?> CurrentIds =>
            JobId is null ? NoIds : Array.ConvertAll(JobId, id => (string?)id.ToString(CultureInfo.InvariantCulture));

        /// <summary>An unbound -CustomerId falls back to the session's customer (Core refuses when neither exists).</summary>
        private protected override CancelArguments CurrentArguments => new CancelArguments
        {
            Reason = Reason,
            CustomerId = MyInvocation.BoundParameters.ContainsKey(nameof(CustomerId)) ? CustomerId : (long?)null,
        };

        protected override void BeginProcessing()
        {
            // Only typed parameters are bound at this point; piped ones arrive per record.
            _commandLine = MyInvocation.BoundParameters.Keys.ToList();
            var selectsPowerShellJobs = _commandLine.Any(name => name == nameof(PassThru) || Routing.BuiltInSets.Values.Contains(name, StringComparer.OrdinalIgnoreCase));
            if (selectsPowerShellJobs) return;
            _apiStarted = true;
            base.BeginProcessing();
        }

        protected override void ProcessRecord()
        {
            Core.Systems.BigChange.StopJobRoute route;
            try
            {
                route = Routing.Decide(ParameterSetName, _commandLine, MyInvocation.BoundParameters.Keys);
            }
            catch (OperationsApiException ex)
            {
                Terminate(ex, null);
                return;
            }
            if (route.ForwardsToBuiltIn) Forward(route);
            else if (_apiStarted)
            {
                RememberCustomers();
                base.ProcessRecord();
            }
        }

        protected override void EndProcessing()
        {
            if (_apiStarted) base.EndProcessing();
        }

        /// <summary>Runs Microsoft.PowerShell.Core\Stop-Job in this runspace with the same bound values and replays its streams.</summary>
        private void Forward(Core.Systems.BigChange.StopJobRoute route) =>
            NestedCommand.Run(this, Core.Systems.BigChange.StopJobRoute.BuiltInCommand,
                route.ForwardedParameters.Select(name => new KeyValuePair<string, object?>(name, MyInvocation.BoundParameters[name])));
    }
}
