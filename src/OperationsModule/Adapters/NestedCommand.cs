using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;

namespace OperationsModule.Adapters
{
    /// <summary>
    /// Runs another module's command of the same name (PowerShell's Stop-Job, PowerCLI's Stop-Task) in this runspace
    /// and replays what it wrote through the calling cmdlet, so its output and errors are the caller's.
    /// </summary>
    internal static class NestedCommand
    {
        public static void Run(PSCmdlet caller, object command, IEnumerable<KeyValuePair<string, object?>> parameters)
        {
            using var nested = PowerShell.Create(RunspaceMode.CurrentRunspace);
            if (command is CommandInfo info) nested.AddCommand(info);
            else nested.AddCommand((string)command);
            foreach (var parameter in parameters) nested.AddParameter(parameter.Key, parameter.Value);
            // Collect, never act: the nested command shares the caller's scope, so a caller's
            // $ErrorActionPreference = 'Stop' would make its first error throw past our own -ErrorAction.
            // Replayed below through WriteError/WriteWarning, the records meet this cmdlet's preferences.
            nested.AddParameter("ErrorAction", ActionPreference.Continue);
            nested.AddParameter("WarningAction", ActionPreference.Continue);
            Collection<PSObject> output;
            try
            {
                output = nested.Invoke();
            }
            catch (RuntimeException ex)
            {
                caller.ThrowTerminatingError(ex.ErrorRecord);
                return;
            }
            foreach (var item in nested.Streams.Verbose) caller.WriteVerbose(item.Message);
            foreach (var item in nested.Streams.Warning) caller.WriteWarning(item.Message);
            foreach (var error in nested.Streams.Error) caller.WriteError(error);
            foreach (var item in output) caller.WriteObject(item);
        }

        /// <summary>A loaded module's cmdlet (null when the module is not loaded): never imports anything.</summary>
        public static CmdletInfo? LoadedCmdlet(PSCmdlet caller, string moduleName, string verb, string noun)
        {
            using var query = PowerShell.Create(RunspaceMode.CurrentRunspace);
            query.AddCommand("Microsoft.PowerShell.Core\\Get-Module").AddParameter("Name", moduleName);
            var module = query.Invoke<PSModuleInfo>().FirstOrDefault();
            // With Import-Module -Prefix the exported name carries the prefix; the noun still ends the name.
            return module?.ExportedCmdlets.Values.FirstOrDefault(c => c.Verb == verb && c.Noun.EndsWith(noun, System.StringComparison.OrdinalIgnoreCase));
        }
    }
}
