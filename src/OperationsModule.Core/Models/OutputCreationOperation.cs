using System;
using System.Collections.Generic;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Models
{
    /// <summary>An OL Connect output creation operation accepted by the server (202).</summary>
    public sealed class OutputCreationOperation
    {
        public OutputCreationOperation(string operationId, string? configId, IReadOnlyList<long> jobIds, bool createOnly, OperationLinks links, Uri server, DateTimeOffset? submittedAt, OperationsSession? session = null)
        {
            OperationId = operationId;
            ConfigId = configId;
            JobIds = jobIds;
            CreateOnly = createOnly;
            Links = links;
            Server = server;
            SubmittedAt = submittedAt;
            Session = session;
        }

        /// <summary>An operation known only by its ID (Wait-OutputCreation -OperationId): preset, jobs and submission time are unknown.</summary>
        public static OutputCreationOperation FromId(string operationId, Uri server, OperationsSession? session = null) =>
            new OutputCreationOperation(operationId, null, Array.Empty<long>(), false, new OperationLinks(null, null, null), server, null, session) { State = "Unknown" };

        public string OperationId { get; }

        /// <summary>The preset's Managed File ID or name; null when the operation was attached by ID only.</summary>
        public string? ConfigId { get; }

        public IReadOnlyList<long> JobIds { get; }

        public bool CreateOnly { get; }

        public OperationLinks Links { get; }

        public Uri Server { get; }

        /// <summary>When this module submitted it; null when the operation was attached by ID only.</summary>
        public DateTimeOffset? SubmittedAt { get; }

        /// <summary>Last progress seen (0-100) or null when not polled; set by the wait logic.</summary>
        public int? PercentComplete { get; set; }

        /// <summary>Submitted, Running, Completed or Unknown (attached by ID, not yet polled); set by the wait logic.</summary>
        public string State { get; set; } = "Submitted";

        /// <summary>The result fetched after completion (paths of the output files), when waited for.</summary>
        public IReadOnlyList<string>? Result { get; set; }

        /// <summary>When the wait logic saw the operation finish.</summary>
        public DateTimeOffset? CompletedAt { get; set; }

        public OperationsSession? Session { get; }

        public override string ToString() => $"OLConnect output creation {OperationId} ({State})";
    }

    /// <summary>The progress, result and cancel URIs the server sent in its Link header(s).</summary>
    public sealed class OperationLinks
    {
        public OperationLinks(Uri? progress, Uri? result, Uri? cancel)
        {
            Progress = progress;
            Result = result;
            Cancel = cancel;
        }

        public Uri? Progress { get; }

        public Uri? Result { get; }

        public Uri? Cancel { get; }

        public override string ToString() => $"progress={Progress}; result={Result}; cancel={Cancel}";
    }
}
