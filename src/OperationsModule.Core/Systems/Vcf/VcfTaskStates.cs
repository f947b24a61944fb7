using System.Collections.Generic;
using OperationsModule.Core.Listing;

namespace OperationsModule.Core.Systems.Vcf
{
    /// <summary>SDDC Manager task statuses in the module's one spelling (servers also write "In Progress", "Cancelled", ...).</summary>
    internal static class VcfTaskStates
    {
        public static readonly StatusSpelling Spelling = StatusSpelling.UpperSnake;

        public static readonly IReadOnlyList<string> All = new[]
        {
            "PENDING", "QUEUED", "IN_PROGRESS", "SUCCESSFUL", "FAILED", "CANCELLED", "COMPLETED_WITH_WARNING", "SKIPPED", "TIMED_OUT",
        };

        /// <summary>Still running or about to: everything else is final.</summary>
        public static bool IsFinal(string normalized) => normalized != "IN_PROGRESS" && normalized != "PENDING" && normalized != "QUEUED";

        public const string Cancelled = "CANCELLED";
    }
}
