using System;
using System.Collections.Generic;
using System.Linq;
using OperationsModule.Core.Commands;
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
    internal static class StopJobRouting
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
            var typed = commandLineBound.Where(name => !forwardable.Contains(name) && !OuterCmdletParameters.Contains(name)).ToList();
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

    /// <summary>What a piped object (not a PowerShell job) is to Stop-Job, judged by its properties alone.</summary>
    internal enum PipedRowKind
    {
        /// <summary>No JobId and nothing only BigChange takes: PowerShell's binding decides (Id, Name, ... go to the built-in).</summary>
        LeftToBinding,

        /// <summary>It has a JobId property: a BigChange job, whatever else it has (an Id column included).</summary>
        BigChangeJob,

        /// <summary>No JobId, yet a property only BigChange jobs take (Reason, CustomerId): which job is meant cannot be told.</summary>
        Undecidable,
    }

    /// <summary>
    /// Rows (PSCustomObject, DataRow, Import-Csv and ConvertFrom-Json rows) are routed by what they are, not by how
    /// PowerShell's binding falls: an int Id beside a JobId would otherwise bind the built-in's -Id first and stop
    /// the local job that happens to have that number.
    /// </summary>
    internal static class PipedRows
    {
        public const string JobIdProperty = "JobId";

        private static readonly string[] BigChangeOnly = { "Reason", "CustomerId" };

        public static PipedRowKind Classify(IEnumerable<string> propertyNames)
        {
            var names = new HashSet<string>(propertyNames, StringComparer.OrdinalIgnoreCase);
            if (names.Contains(JobIdProperty)) return PipedRowKind.BigChangeJob;
            return BigChangeOnly.Any(names.Contains) ? PipedRowKind.Undecidable : PipedRowKind.LeftToBinding;
        }

        public static string UndecidableProblem(string typeName, IEnumerable<string> propertyNames)
        {
            var names = new HashSet<string>(propertyNames, StringComparer.OrdinalIgnoreCase);
            var found = BigChangeOnly.Where(names.Contains);
            return $"The piped {typeName} has {string.Join(" and ", found)}, which only BigChange jobs take, but no JobId property: Stop-Job cannot tell a BigChange job from a PowerShell job by it, so nothing was stopped. Give the row a JobId column (a BigChange job), or pipe Get-Job's objects or use -Id (a PowerShell job).";
        }

        public static string UnusableJobIdProblem(string typeName, string? value) =>
            value is null || value.Length == 0
                ? $"The piped {typeName} has a JobId property, so it names a BigChange job, but the JobId is empty. Nothing was stopped (no PowerShell job either)."
                : $"The piped {typeName} has a JobId property, so it names a BigChange job, but its JobId '{value}' is not a job ID (a whole number from 1). Nothing was stopped (no PowerShell job either).";
    }

    /// <summary>Where one Stop-Job record goes.</summary>
    internal sealed class StopJobRoute
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
