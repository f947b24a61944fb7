using System;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Models
{
    /// <summary>
    /// One OL Connect output creation operation as Get-OutputCreation reads it (getOperations, or getProgress for one
    /// ID). OperationId and Server are what Stop-, Wait-OutputCreation and Get-OutputCreationResult bind.
    /// </summary>
    public sealed class OutputCreation
    {
        public OutputCreation(string operationId, string status, int? percentComplete, Uri server, OperationsSession? session = null)
        {
            OperationId = operationId;
            Status = status;
            PercentComplete = percentComplete;
            Server = server;
            Session = session;
        }

        public string OperationId { get; }

        /// <summary>Running while the server lists it (or answers a percentage), Completed once getProgress says done.</summary>
        public string Status { get; }

        public int? PercentComplete { get; }

        /// <summary>Only a running operation can be cancelled; a completed one answers the cancel with 404.</summary>
        public bool IsCancellable => Status == Systems.OLConnect.Listing.OutputCreationStatus.Running;

        /// <summary>The service that runs it (OutputCreationRestService...); null when read by ID.</summary>
        public string? Type { get; set; }

        /// <summary>What the operation is doing now, in the server's words; null when read by ID.</summary>
        public string? SubTask { get; set; }

        /// <summary>From getOperations' startTime (milliseconds since the epoch); null when read by ID.</summary>
        public DateTimeOffset? StartedAt { get; set; }

        public Uri Server { get; }

        public OperationsSession? Session { get; }

        public override string ToString() => $"OLConnect output creation {OperationId} ({Status})";
    }
}
