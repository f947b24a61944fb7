using System;
using System.Collections.Generic;
using System.Linq;
using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Systems.BigChange
{
    /// <summary>
    /// Stop-Job is also PowerShell's own cmdlet (Microsoft.PowerShell.Core\Stop-Job). The module's Stop-Job
    /// declares the built-in's parameter sets unchanged plus one BigChange set, and this decides, per pipeline
    /// record, whether a call goes to BigChange or is forwarded to the built-in, and with which parameters.
    ///
    /// The BigChange set is chosen only by -JobId (by name or by the JobId property of a piped object), -Reason or
    /// -CustomerId: it has no positional parameter and does not take piped values, so `Stop-Job 3`, `Stop-Job -Id 3`
    /// and `Get-Job | Stop-Job` keep meaning PowerShell jobs. For the same reason -JobId has no "Id" alias here.
    /// </summary>
    public static class StopJobRouting
    {
        public const string BigChangeParameterSet = "BigChangeJob";

        // The built-in's parameter sets (SessionIdParameterSet is its default) and the parameter each one selects by.
        public const string SessionIdParameterSet = "SessionIdParameterSet";
        public const string JobParameterSet = "JobParameterSet";
        public const string NameParameterSet = "NameParameterSet";
        public const string InstanceIdParameterSet = "InstanceIdParameterSet";
        public const string StateParameterSet = "StateParameterSet";
        public const string FilterParameterSet = "FilterParameterSet";

        public static readonly IReadOnlyDictionary<string, string> BuiltInSets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [SessionIdParameterSet] = "Id",
            [JobParameterSet] = "Job",
            [NameParameterSet] = "Name",
            [InstanceIdParameterSet] = "InstanceId",
            [StateParameterSet] = "State",
            [FilterParameterSet] = "Filter",
        };

        /// <summary>Passed through to the built-in in every forwarding set.</summary>
        private static readonly string[] SharedForwarded = { "PassThru", "WhatIf", "Confirm", "Verbose" };

        /// <summary>PowerShell's common parameters that the module's cmdlet itself honours (its WriteError and WriteObject).</summary>
        private static readonly HashSet<string> HandledByOuterCmdlet = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable", "WarningVariable",
            "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable",
        };

        /// <summary>
        /// Decides one record. <paramref name="commandLineBound"/> are the parameters the user typed;
        /// <paramref name="allBound"/> also holds those bound from the piped object. Throws InputValidationException
        /// when a BigChange-only parameter (e.g. -Token, -ThrottleLimit) is typed alongside a PowerShell job selector.
        /// </summary>
        public static StopJobRoute Decide(string? parameterSetName, IEnumerable<string> commandLineBound, IEnumerable<string> allBound)
        {
            if (string.Equals(parameterSetName, BigChangeParameterSet, StringComparison.OrdinalIgnoreCase))
                return StopJobRoute.BigChange;
            if (parameterSetName is null || !BuiltInSets.TryGetValue(parameterSetName, out var selector))
                throw new InputValidationException("JobId", $"the parameter set '{parameterSetName}' is not one Stop-Job knows; give -JobId for a BigChange job or -Id/-Job/-Name/-InstanceId/-State/-Filter for a PowerShell job.");

            var forwardable = new HashSet<string>(SharedForwarded.Concat(new[] { selector }), StringComparer.OrdinalIgnoreCase);
            var typed = commandLineBound.Where(name => !forwardable.Contains(name) && !HandledByOuterCmdlet.Contains(name)).ToList();
            if (typed.Count > 0)
            {
                var first = typed.OrderBy(n => n, StringComparer.OrdinalIgnoreCase).First();
                throw new InputValidationException(first,
                    $"-{string.Join(", -", typed)} applies only to BigChange jobs (-JobId). With -{selector}, Stop-Job stops PowerShell background jobs and passes the call to Microsoft.PowerShell.Core\\Stop-Job, which has no such parameter.");
            }
            // Extra properties of a piped object (e.g. a Session) are ignored, as the built-in ignores them.
            var forwarded = allBound.Where(forwardable.Contains).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return StopJobRoute.Forward(forwarded);
        }
    }

    /// <summary>Where one Stop-Job record goes.</summary>
    public sealed class StopJobRoute
    {
        public static readonly StopJobRoute BigChange = new StopJobRoute(false, Array.Empty<string>());

        private StopJobRoute(bool forwardsToBuiltIn, IReadOnlyList<string> parameters)
        {
            ForwardsToBuiltIn = forwardsToBuiltIn;
            ForwardedParameters = parameters;
        }

        /// <summary>The fully qualified name of the command forwarded to.</summary>
        public const string BuiltInCommand = "Microsoft.PowerShell.Core\\Stop-Job";

        public bool ForwardsToBuiltIn { get; }

        /// <summary>The bound parameters to pass on to the built-in, with their bound values.</summary>
        public IReadOnlyList<string> ForwardedParameters { get; }

        public static StopJobRoute Forward(IReadOnlyList<string> parameters) => new StopJobRoute(true, parameters);

        public override string ToString() => ForwardsToBuiltIn ? $"{BuiltInCommand} -{string.Join(" -", ForwardedParameters)}" : "BigChange";
    }
}
