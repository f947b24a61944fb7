using System.Collections.Generic;
using System.Management.Automation;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.Onedata;
using OperationsModule.Core.Validation;

namespace OperationsModule.Cmdlets
{
    /// <summary>
    /// Finds Onedata automation workflow executions: the IDs of a space's phase (following nextPageToken to isLast),
    /// then each one's details, read with bounded concurrency; or the executions named by ID.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "WorkflowExecution", DefaultParameterSetName = SpaceSet)]
    [OutputType(typeof(WorkflowExecution))]
    public sealed class GetWorkflowExecutionCommand : GetCmdletBase
    {
        private const string SpaceSet = "Space";
        private const string IdSet = "ExecutionId";

        private string? _spaceId;
        private string? _phase;

        /// <summary>The space whose executions are listed.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = SpaceSet)]
        [AllowEmptyString] // refused by the module's ID rules, naming -SpaceId
        public string? SpaceId { get; set; }

        /// <summary>waiting, ongoing (the default), suspended or ended.</summary>
        [Parameter(ParameterSetName = SpaceSet)]
        [ArgumentCompleter(typeof(WorkflowPhaseCompleter))]
        public string Phase { get; set; } = WorkflowExecutionStates.DefaultPhase;

        /// <summary>Executions to read by ID (wid).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
        [Alias("wid", "Id", "atmWorkflowExecutionId")]
        [AllowEmptyString] // an empty line gets the module's InvalidParameter (IdValidator), like a blank one
        public string[]? ExecutionId { get; set; }

        protected override OperationsSystem System => OperationsSystem.Onedata;

        protected override IReadOnlyList<string?>? CurrentIds => ParameterSetName == IdSet ? ExecutionId ?? NoIds : null;

        protected override void ValidateFilters()
        {
            if (ParameterSetName != SpaceSet) return;
            _spaceId = IdValidator.Validate(nameof(SpaceId), SpaceId);
            _phase = WorkflowExecutionStates.Spelling.ParseFilter(nameof(Phase), new[] { Phase }, WorkflowExecutionStates.Phases)![0];
        }

        protected override bool ReadById(string? id) => Command.Read(WorkflowExecutionItemReader.Instance, id, PipedSession, PipedServer);

        private protected override bool List(ResolvedConnection connection)
        {
            WriteVerbose($"Filters sent to the server: phase={_phase}; applied here, client-side: none.");
            return Command.ListThenRead(new WorkflowExecutionPageSource(connection, _spaceId!, _phase!), WorkflowExecutionItemReader.Instance, connection);
        }
    }

    /// <summary>Tab completion for -Phase.</summary>
    public sealed class WorkflowPhaseCompleter : ValuesCompleter
    {
        public WorkflowPhaseCompleter()
            : base(WorkflowExecutionStates.Phases)
        {
        }
    }
}
