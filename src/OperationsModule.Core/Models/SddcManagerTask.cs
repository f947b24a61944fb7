using System;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Models
{
    /// <summary>
    /// A VCF SDDC Manager task as GET /v1/tasks shows it. TaskId is the property Stop-Task binds, so
    /// Get-SddcManagerTask | Stop-Task cancels what was found on the same server and session.
    /// </summary>
    public sealed class SddcManagerTask
    {
        public SddcManagerTask(string taskId, Uri server, OperationsSession? session)
        {
            TaskId = taskId;
            Server = server;
            Session = session;
        }

        public string TaskId { get; }

        public string? Name { get; set; }

        public string? Type { get; set; }

        /// <summary>One spelling whatever the server sent (In Progress -> IN_PROGRESS).</summary>
        public string? Status { get; set; }

        /// <summary>The API's own word on whether a cancel is possible now; null when the server did not say.</summary>
        public bool? IsCancellable { get; set; }

        public bool? IsRetryable { get; set; }

        /// <summary>RESOLVED or UNRESOLVED, for failed tasks.</summary>
        public string? ResolutionStatus { get; set; }

        public DateTimeOffset? CreatedAt { get; set; }

        public DateTimeOffset? CompletedAt { get; set; }

        public Uri Server { get; }

        /// <summary>The session it was read through, so piping it reaches the same server with the same login.</summary>
        public OperationsSession? Session { get; }

        public override string ToString() => $"{TaskId} ({Status}) {Name}";
    }
}
