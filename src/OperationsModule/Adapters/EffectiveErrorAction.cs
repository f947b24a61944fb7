using System.Management.Automation;

namespace OperationsModule.Adapters
{
    /// <summary>The error action PowerShell will apply to this command's WriteError: the bound -ErrorAction, else the preference.</summary>
    internal static class EffectiveErrorAction
    {
        // ActionPreference.Break (PowerShell 7: enter the debugger) is missing from the 5.1 reference assembly.
        private const int Break = 6;

        /// <summary>
        /// True for the actions that end or pause the command at an error: Stop, Inquire and Break. Read on the
        /// pipeline thread; GetVariableValue follows the caller's scopes, so a script's $ErrorActionPreference counts.
        /// </summary>
        public static bool StopsAtFailure(PSCmdlet cmdlet)
        {
            var value = cmdlet.MyInvocation.BoundParameters.TryGetValue("ErrorAction", out var bound)
                ? bound
                : cmdlet.GetVariableValue("ErrorActionPreference");
            if (!LanguagePrimitives.TryConvertTo(value, out ActionPreference action)) return false;
            return action == ActionPreference.Stop || action == ActionPreference.Inquire || (int)action == Break;
        }
    }
}
