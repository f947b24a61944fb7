using System.Collections.Generic;
using System.Management.Automation;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.Vcf;

namespace OperationsModule.Cmdlets
{
    /// <summary>
    /// Finds VMware Cloud Foundation SDDC Manager tasks: GET /v1/tasks (every page, streamed) or GET /v1/tasks/{id}.
    /// Named to stay clear of PowerCLI's Get-Task and Get-SddcTask and PowerVCF's Get-VCFTask.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SddcManagerTask")]
    [OutputType(typeof(SddcManagerTask))]
    public sealed class GetSddcManagerTaskCommand : GetCmdletBase
    {
        private VcfTaskFilter? _filter;

        /// <summary>Tasks to read by ID; without it the list is read.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [AllowEmptyString] // an empty line gets the module's InvalidParameter (IdValidator), like a blank one
        public string[]? TaskId { get; set; }

        /// <summary>Statuses to keep, in either spelling (IN_PROGRESS or 'In Progress').</summary>
        [Parameter]
        [ArgumentCompleter(typeof(VcfTaskStatusCompleter))]
        public string[]? Status { get; set; }

        /// <summary>Keep tasks whose name contains this text (any case).</summary>
        [Parameter]
        public string? Name { get; set; }

        /// <summary>Keep tasks of this type (for example UPGRADE).</summary>
        [Parameter]
        public string? Type { get; set; }

        protected override Core.Models.OperationsSystem System => Core.Models.OperationsSystem.Vcf;

        protected override IReadOnlyList<string?>? CurrentIds => TaskId;

        protected override void ValidateFilters() => _filter = new VcfTaskFilter(Status, Name, Type);

        protected override bool ReadById(string? id) =>
            Command.Read(VcfTaskItemReader.Instance, id, PipedSession, PipedServer, _filter!.IsEmpty ? null : _filter.Keep);

        private protected override bool List(ResolvedConnection connection)
        {
            WriteVerbose(_filter!.Describe());
            return Command.List(new VcfTaskPageSource(connection, _filter), connection, _filter.Keep);
        }
    }

    /// <summary>Tab completion for -Status: the statuses in the module's spelling.</summary>
    public sealed class VcfTaskStatusCompleter : ValuesCompleter
    {
        public VcfTaskStatusCompleter()
            : base(VcfTaskStates.All)
        {
        }
    }
}
