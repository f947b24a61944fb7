using System.Linq;
using System.Management.Automation;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Cmdlets
{
    /// <summary>Lists the default sessions (all systems, or the ones named). Writes nothing for a system without one.</summary>
    [Cmdlet(VerbsCommon.Get, "OperationsSession")]
    [OutputType(typeof(OperationsSession))]
    public sealed class GetOperationsSessionCommand : PSCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public OperationsSystem[]? System { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var session in SessionStore.Default.All().Where(s => System is null || System.Length == 0 || System.Contains(s.System)))
                WriteObject(session);
        }
    }
}
