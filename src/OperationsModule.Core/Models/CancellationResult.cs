using System;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Models
{
    /// <summary>
    /// The outcome of one accepted cancel request. One type for every system so that logs and CSV
    /// exports line up. A cancel is only initiated: Status says what the server acknowledged.
    /// </summary>
    public sealed class CancellationResult
    {
        public CancellationResult(OperationsSystem system, string kind, string id, string status, int statusCode, Uri server, string? reason, DateTimeOffset requestedAt, OperationsSession? session = null)
        {
            System = system;
            Kind = kind;
            Id = id;
            Status = status;
            StatusCode = statusCode;
            Server = server;
            Reason = reason;
            RequestedAt = requestedAt;
            Session = session;
        }

        public OperationsSystem System { get; }

        /// <summary>What was cancelled: OutputCreationOperation, WorkflowExecution, Task or Job.</summary>
        public string Kind { get; }

        public string Id { get; }

        /// <summary>
        /// CancelRequested: the server accepted the request; the work may still be stopping. With -Wait: Cancelled once
        /// the cancel took effect, else the state the item reached (or, when the wait timed out, the last state read).
        /// </summary>
        public string Status { get; internal set; }

        /// <summary>With -Wait: when the final state was read; null without -Wait or when the wait timed out.</summary>
        public DateTimeOffset? ConfirmedAt { get; internal set; }

        public int StatusCode { get; }

        public Uri Server { get; }

        public string? Reason { get; }

        public DateTimeOffset RequestedAt { get; }

        /// <summary>The session used, so the object can be piped to another cmdlet of the same system.</summary>
        public OperationsSession? Session { get; }

        public override string ToString() => $"{System} {Kind} {Id}: {Status}";
    }
}
