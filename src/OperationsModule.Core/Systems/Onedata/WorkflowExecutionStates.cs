using System.Collections.Generic;
using OperationsModule.Core.Listing;

namespace OperationsModule.Core.Systems.Onedata
{
    /// <summary>
    /// Onedata execution statuses (an open set: releases add some) and the phases the list call groups them in. A
    /// cancel moves an execution to stopping (aborting on older releases, phase still ongoing), later to cancelled.
    /// </summary>
    internal static class WorkflowExecutionStates
    {
        public static readonly StatusSpelling Spelling = StatusSpelling.Lower;

        public static readonly IReadOnlyList<string> Phases = new[] { "waiting", "ongoing", "suspended", "ended" };

        public const string DefaultPhase = "ongoing";

        public const string Cancelled = "cancelled";

        public static bool IsFinal(string normalized) => PhaseOf(normalized) == "ended";

        public static string PhaseOf(string normalized) => normalized switch
        {
            "scheduled" or "resuming" or "preparing" or "enqueued" => "waiting",
            "interrupted" or "paused" => "suspended",
            "finished" or "cancelled" or "failed" or "crashed" => "ended",
            _ => "ongoing",
        };
    }
}
