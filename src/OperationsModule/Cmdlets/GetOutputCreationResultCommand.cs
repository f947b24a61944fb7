using System.Management.Automation;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using CoreGet = OperationsModule.Core.Commands.GetOutputCreationResultCommand;

namespace OperationsModule.Cmdlets
{
    /// <summary>
    /// Gets the result of finished OL Connect output creation operations: the output paths (POST getResultTxt),
    /// or with -OutFile the file's bytes (POST getResult) saved to disk.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OutputCreationResult", DefaultParameterSetName = ByOperationSet)]
    [OutputType(typeof(OutputCreationResult))]
    public sealed class GetOutputCreationResultCommand : PipedOperationCmdletBase
    {
        /// <summary>Save the result file's bytes here: a file path, or an existing folder for &lt;OperationId&gt;.&lt;ext&gt; files.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Alias("Path")]
        public string? OutFile { get; set; }

        /// <summary>Out-File's convention: refuse to replace an existing file (by default it is replaced).</summary>
        [Parameter]
        public SwitchParameter NoClobber { get; set; }

        private protected override IPipedOperationCommand CreateCommand(ConnectionPlan connections)
        {
            // Relative paths mean the PowerShell location, not the process's working directory.
            var outFile = OutFile is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutFile);
            return new CoreGet(connections, outFile, Port, StopToken, NoClobber.IsPresent);
        }
    }
}
