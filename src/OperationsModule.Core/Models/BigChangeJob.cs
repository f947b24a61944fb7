using System;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Models
{
    /// <summary>
    /// One BigChange job as Get-BigChangeJob reads it. JobId and CustomerId are the names Stop-Job's BigChange set
    /// binds from the pipeline; no property is named as one of PowerShell's own Stop-Job parameters (Id, Name,
    /// State, InstanceId, Job, Filter), so a piped job never selects the built-in's sets.
    /// </summary>
    public sealed class BigChangeJob
    {
        public BigChangeJob(long jobId, string? status, long customerId, Uri server, OperationsSession? session = null)
        {
            JobId = jobId;
            Status = status;
            CustomerId = customerId;
            Server = server;
            Session = session;
        }

        public long JobId { get; }

        public string? Reference { get; set; }

        public string? Description { get; set; }

        /// <summary>The vendor's camelCase value (scheduled, started, cancelled...), whatever case the server used.</summary>
        public string? Status { get; }

        /// <summary>
        /// From the vendor's rule: a started, suspended, completed (or already cancelled) job cannot be cancelled.
        /// Null when the status is one the module does not know.
        /// </summary>
        public bool? IsCancellable => Systems.BigChange.Jobs.BigChangeJobStatus.IsCancellable(Status);

        /// <summary>When the job is planned to start (the StartAt range of -StartAfter/-StartBefore); null when unscheduled.</summary>
        public DateTimeOffset? StartAt { get; set; }

        public DateTimeOffset? CreatedAt { get; set; }

        public DateTimeOffset? StatusModifiedAt { get; set; }

        /// <summary>The Customer-Id the job was read with (the tenant); Stop-Job sends it again.</summary>
        public long CustomerId { get; }

        public Uri Server { get; }

        /// <summary>The session used, so the job pipes into Stop-Job on the same connection.</summary>
        public OperationsSession? Session { get; }

        public override string ToString() => $"BigChange job {JobId} ({Status})";
    }
}
