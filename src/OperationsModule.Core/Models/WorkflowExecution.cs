using System;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Models
{
    /// <summary>
    /// A Onedata automation workflow execution as GET /automation/execution/workflows/{wid} shows it. ExecutionId is
    /// the property Stop-WorkflowExecution binds, so Get-WorkflowExecution | Stop-WorkflowExecution works as is.
    /// </summary>
    public sealed class WorkflowExecution
    {
        public WorkflowExecution(string executionId, Uri server, OperationsSession? session)
        {
            ExecutionId = executionId;
            Server = server;
            Session = session;
        }

        public string ExecutionId { get; }

        public string? Name { get; set; }

        /// <summary>Lower case as Onedata writes it (scheduled, active, stopping, cancelled, ...).</summary>
        public string? Status { get; set; }

        /// <summary>waiting, ongoing, suspended or ended, from the status.</summary>
        public string? Phase { get; set; }

        public string? SpaceId { get; set; }

        public string? SchemaSnapshotId { get; set; }

        public string? UserId { get; set; }

        public DateTimeOffset? ScheduledAt { get; set; }

        public DateTimeOffset? StartedAt { get; set; }

        public DateTimeOffset? SuspendedAt { get; set; }

        public DateTimeOffset? FinishedAt { get; set; }

        public Uri Server { get; }

        /// <summary>The session it was read through, so piping it reaches the same server with the same token.</summary>
        public OperationsSession? Session { get; }

        public override string ToString() => $"{ExecutionId} ({Status}) {Name}";
    }
}
