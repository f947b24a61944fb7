using System.Globalization;
using System.Text.Json;
using OperationsModule.Core.Listing;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Systems.BigChange.Jobs
{
    /// <summary>
    /// A BigChange job object (of GET /v1/jobs/{jobId}, or an item of the list envelope) as a BigChangeJob. Lenient
    /// where the live API is (fields documented as non-nullable may come back null, numbers as text); strict only
    /// about what the module cannot do without: each job's id.
    /// </summary>
    internal static class BigChangeJobJson
    {
        /// <summary>Null when the element is not an object with a numeric id (not a job).</summary>
        public static BigChangeJob? Read(JsonElement job, long customerId, ResolvedConnection connection)
        {
            if (Long(job, "id") is not { } id) return null;
            return new BigChangeJob(id, BigChangeJobStatus.Normalize(JsonFields.Text(job, "status")), customerId, connection.Session.BaseUri, connection.PipeableSession)
            {
                Reference = JsonFields.Text(job, "reference"),
                Description = JsonFields.Text(job, "description"),
                StartAt = JsonFields.Time(job, "startAt"),
                CreatedAt = JsonFields.Time(job, "createdAt"),
                StatusModifiedAt = JsonFields.Time(job, "statusModifiedAt"),
            };
        }

        /// <summary>A number, or a text of digits (the live API sends some numbers as strings).</summary>
        public static long? Long(JsonElement item, string name)
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(name, out var value)) return null;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)) return number;
            return value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out number) ? number : (long?)null;
        }
    }
}
