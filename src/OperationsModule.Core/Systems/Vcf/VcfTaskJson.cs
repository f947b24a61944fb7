using System.Text.Json;
using OperationsModule.Core.Listing;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Systems.Vcf
{
    /// <summary>A Task object (of GET /v1/tasks/{id}, or an element of GET /v1/tasks) as an SddcManagerTask.</summary>
    internal static class VcfTaskJson
    {
        /// <summary>Null when the element has no id (not a Task).</summary>
        public static SddcManagerTask? Read(JsonElement task, ResolvedConnection connection)
        {
            if (JsonFields.Text(task, "id") is not { Length: > 0 } id) return null;
            return new SddcManagerTask(id, connection.Session.BaseUri, connection.PipeableSession)
            {
                Name = JsonFields.Text(task, "name"),
                Type = JsonFields.Text(task, "type"),
                Status = VcfTaskStates.Spelling.Normalize(JsonFields.Text(task, "status")),
                IsCancellable = JsonFields.Flag(task, "isCancellable"),
                IsRetryable = JsonFields.Flag(task, "isRetryable"),
                ResolutionStatus = JsonFields.Text(task, "resolutionStatus"),
                CreatedAt = JsonFields.Time(task, "creationTimestamp"),
                CompletedAt = JsonFields.Time(task, "completionTimestamp"),
            };
        }
    }
}
