using System;
using System.Collections.Generic;

namespace OperationsModule.Core.Commands
{
    /// <summary>
    /// PowerShell's common parameters that a module cmdlet honours itself when it hands a call to another module's
    /// command of the same name (PowerShell's Stop-Job, PowerCLI's Stop-Task): the other command's records are replayed
    /// through the module cmdlet's WriteError and WriteObject, so these are never passed on, and never refused.
    /// </summary>
    internal static class OuterCmdletParameters
    {
        private static readonly HashSet<string> Names = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable", "WarningVariable",
            "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable",
        };

        public static bool Contains(string name) => Names.Contains(name);
    }
}
