using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OperationsModule.Core.Engine;
using OperationsModule.Core.Models;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Commands
{
    /// <summary>
    /// The warnings of a stopped Stop- run about the items it took and never wrote: each piped ID is either in the
    /// output, in the errors, or named here, so the user knows what to read or send again.
    /// </summary>
    internal static class StoppedRunWarnings
    {
        /// <param name="notTaken">IDs typed in a list (-TaskId a, b, c) that the run stopped before handing on.</param>
        /// <param name="what">The system and kind, as in "Vcf Task".</param>
        /// <param name="readAgain">The command that reads an item's state, by ID; null for a system without one.</param>
        public static IEnumerable<string> For(Leftovers leftovers, IReadOnlyCollection<string?> notTaken, string what, Func<string, string>? readAgain = null)
        {
            // Without -Wait only: with it the results are accepted cancels, which the wait stage names.
            var accepted = leftovers.Results.OfType<CancellationResult>().Select(r => r.Id).ToList();
            if (accepted.Count > 0)
                yield return $"Stopped before writing the results of {accepted.Count} {what} {ItemNames.Items(accepted.Count)} "
                    + $"whose cancel the server accepted: {ItemNames.Quote(accepted)}.";
            if (leftovers.Failures.Count > 0)
            {
                var failed = leftovers.Failures.Select(f => $"'{Id(f.TargetObject)}' ({f.ErrorId})").ToList();
                yield return $"Stopped before writing the errors of {failed.Count} {what} {ItemNames.Items(failed.Count)}, "
                    + $"whose cancel failed: {ItemNames.List(failed)}.";
            }
            var cutShort = leftovers.CutShort.Select(Id).ToList();
            if (cutShort.Count + leftovers.StillRunning > 0)
            {
                var count = cutShort.Count + leftovers.StillRunning;
                var names = cutShort.Count == 0 ? "" : $": {ItemNames.Quote(cutShort)}";
                var read = cutShort.Count == 0 || readAgain is null ? "" : $" Read their state with: {readAgain(cutShort[0])}";
                var unnamed = leftovers.StillRunning == 0 ? ""
                    : $" ({leftovers.StillRunning} of them still running when the command ended, not named)";
                yield return $"Stopped while the cancels of {count} {what} {ItemNames.Items(count)} were under way{unnamed}; "
                    + $"whether the server acted on them is unknown, so read their state before sending them again{names}.{read}";
            }
            var notSent = leftovers.NotSent.Select(Id).Concat(notTaken.Select(Id)).ToList();
            if (notSent.Count > 0)
                yield return $"Stopped before sending the cancels of {notSent.Count} {what} {ItemNames.Items(notSent.Count)}, "
                    + $"so the server never received them: {ItemNames.Quote(notSent)}.";
        }

        private static string Id(object? target) => Convert.ToString(target, CultureInfo.InvariantCulture) ?? "";
    }
}
