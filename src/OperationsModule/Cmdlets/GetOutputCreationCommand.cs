using System.Collections.Generic;
using System.Management.Automation;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.OLConnect.Listing;

namespace OperationsModule.Cmdlets
{
    /// <summary>
    /// Finds OL Connect output creation operations: GET getOperations (the running ones), or GET getProgress/{id}
    /// for each -OperationId. Its objects carry OperationId and Server, so they pipe into Stop-OutputCreation,
    /// Wait-OutputCreation and Get-OutputCreationResult.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OutputCreation")]
    [OutputType(typeof(OutputCreation))]
    public sealed class GetOutputCreationCommand : GetCmdletBase
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [AllowEmptyString] // an empty line gets the module's InvalidParameter (IdValidator), like a blank one
        public string[]? OperationId { get; set; }

        protected override OperationsSystem System => OperationsSystem.OLConnect;

        protected override IReadOnlyList<string?>? CurrentIds => OperationId;

        protected override bool ReadById(string? id) => Command.Read(OutputCreationItemReader.Instance, id, PipedSession, PipedServer);

        private protected override bool List(ResolvedConnection connection) => Command.List(new OutputCreationPageSource(connection), connection);
    }
}
