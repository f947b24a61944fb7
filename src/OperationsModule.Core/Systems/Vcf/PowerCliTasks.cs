using System;
using System.Collections.Generic;
using System.Linq;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Systems.Vcf
{
    /// <summary>
    /// PowerCLI has a Stop-Task too (VMware.VimAutomation.Common\Stop-Task, for vCenter tasks). Its task objects and
    /// its -Task parameter belong to it: they are handed to PowerCLI's command when that module is loaded and refused
    /// when it is not, never sent to SDDC Manager (a vCenter task ID there names another task, or none).
    /// </summary>
    internal static class PowerCliTasks
    {
        public const string Owner = "PowerCLI";

        public const string ModuleName = "VMware.VimAutomation.Common";

        public const string CommandName = ModuleName + "\\Stop-Task";

        /// <summary>PowerCLI's own parameter, in its own parameter set of the module's Stop-Task.</summary>
        public const string TaskParameter = "Task";

        private const string Namespace = "VMware.VimAutomation.";

        /// <summary>Passed on to PowerCLI's Stop-Task, which has them too.</summary>
        private static readonly HashSet<string> Forwardable = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { TaskParameter, "WhatIf", "Confirm", "Verbose" };

        /// <summary>True for PowerCLI's objects, live or deserialized (Import-Clixml, a remote session).</summary>
        public static bool IsPowerCliObject(IEnumerable<string> typeNames) =>
            typeNames.Any(name => name.StartsWith(Namespace, StringComparison.Ordinal) || name.StartsWith("Deserialized." + Namespace, StringComparison.Ordinal));

        /// <summary>
        /// The typed parameters passed on with PowerCLI's tasks. With <paramref name="onlyPowerCli"/> (-Task was typed, so
        /// nothing goes to SDDC Manager) one that only SDDC Manager tasks take (-Session, -ThrottleLimit, ...) is refused
        /// with InputValidationException; with piped tasks it is left to the SDDC Manager task IDs piped beside them.
        /// </summary>
        public static IReadOnlyList<string> ForwardedParameters(IEnumerable<string> typed, bool onlyPowerCli)
        {
            var names = typed.ToList();
            if (!onlyPowerCli) return names.Where(Forwardable.Contains).ToList();
            var refused = names.Where(n => !Forwardable.Contains(n) && !OuterCmdletParameters.Contains(n) && !ConsumedHere(n)).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();
            if (refused.Count > 0)
                throw new InputValidationException(refused[0],
                    $"-{string.Join(", -", refused)} applies only to SDDC Manager tasks. PowerCLI's task objects (and -Task) go to {CommandName}, which has no such parameter.");
            return names.Where(Forwardable.Contains).ToList();
        }

        /// <summary>-TaskId, whose PowerCLI objects are what is passed on as -Task.</summary>
        private static bool ConsumedHere(string name) => string.Equals(name, "TaskId", StringComparison.OrdinalIgnoreCase);

        /// <summary>The refusal when PowerCLI is not loaded: its objects are never sent to SDDC Manager.</summary>
        public static InputValidationException NotLoaded(string parameterName, string what) =>
            new InputValidationException(parameterName,
                $"{what} is a PowerCLI task (vCenter), not an SDDC Manager task, and PowerCLI's {ModuleName} module is not loaded to stop it. Run Import-Module {ModuleName} (PowerCLI), or pipe SDDC Manager task IDs. Nothing was sent.");
    }
}
