using System;
using System.Management.Automation;
using System.Reflection;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Adapters
{
    /// <summary>
    /// The command names as this session imported them. With `Import-Module -Prefix Ops`, MyCommand.Name is
    /// Stop-OpsTask: the prefix is what stands between the verb and the cmdlet's own noun. Works on 5.1, whose
    /// PSModuleInfo has no Prefix property.
    /// </summary>
    internal static class ImportedNames
    {
        public static CommandNames Of(PSCmdlet cmdlet)
        {
            var name = cmdlet.MyInvocation?.MyCommand?.Name;
            var noun = cmdlet.GetType().GetCustomAttribute<CmdletAttribute>()?.NounName;
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(noun)) return CommandNames.Plain;
            var dash = name!.IndexOf('-');
            var prefix = dash > 0 && name.EndsWith(noun, StringComparison.OrdinalIgnoreCase) && name.Length - noun!.Length > dash
                ? name.Substring(dash + 1, name.Length - noun.Length - dash - 1)
                : string.Empty;
            return new CommandNames(name, prefix);
        }
    }
}
