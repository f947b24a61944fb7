using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Systems.BigChange.Jobs
{
    /// <summary>
    /// Reads BigChange job JSON: one job, or the list envelope {items, pageNumber, pageSize, pageItemCount}.
    /// Lenient where the live API is (fields documented as non-nullable may come back null); strict only about
    /// what the module cannot do without: the envelope's items and each job's id.
    /// </summary>
    internal static class BigChangeJobReader
    {
        public static BigChangeJob ReadJob(ApiRequest request, ApiResponse response, long customerId, ResolvedConnection connection)
        {
            using var document = Parse(request, response);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw Unexpected(request, response, "a JSON object (the job)");
            return Job(document.RootElement, customerId, connection) ?? throw Unexpected(request, response, "a job with a numeric id");
        }

        /// <summary>Only the status of one job (the -Wait read): in the vendor's spelling, null when the job has none.</summary>
        public static string? ReadStatus(ApiRequest request, ApiResponse response)
        {
            using var document = Parse(request, response);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw Unexpected(request, response, "a JSON object (the job)");
            return BigChangeJobStatus.Normalize(Text(document.RootElement, "status"));
        }

        /// <summary>The page's jobs, and the page number and size the server says it used (null when it does not say).</summary>
        public static (IReadOnlyList<BigChangeJob> Jobs, long? PageNumber, int? PageSize) ReadPage(ApiRequest request, ApiResponse response, long customerId, ResolvedConnection connection)
        {
            using var document = Parse(request, response);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
                throw Unexpected(request, response, "the page envelope {items, pageNumber, pageSize, pageItemCount}");
            var jobs = new List<BigChangeJob>(items.GetArrayLength());
            foreach (var item in items.EnumerateArray())
                jobs.Add(Job(item, customerId, connection) ?? throw Unexpected(request, response, "jobs with a numeric id"));
            return (jobs, Long(root, "pageNumber"), (int?)Long(root, "pageSize"));
        }

        private static BigChangeJob? Job(JsonElement item, long customerId, ResolvedConnection connection)
        {
            if (item.ValueKind != JsonValueKind.Object || Long(item, "id") is not { } id) return null;
            return new BigChangeJob(id, BigChangeJobStatus.Normalize(Text(item, "status")), customerId, connection.Session.BaseUri, connection.PipeableSession)
            {
                Reference = Text(item, "reference"),
                Description = Text(item, "description"),
                StartAt = Time(item, "startAt"),
                CreatedAt = Time(item, "createdAt"),
                StatusModifiedAt = Time(item, "statusModifiedAt"),
            };
        }

        private static JsonDocument Parse(ApiRequest request, ApiResponse response)
        {
            try
            {
                return JsonDocument.Parse(response.Body);
            }
            catch (JsonException)
            {
                throw Unexpected(request, response, "JSON");
            }
        }

        private static string? Text(JsonElement item, string name) =>
            item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static long? Long(JsonElement item, string name)
        {
            if (!item.TryGetProperty(name, out var value)) return null;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)) return number;
            return value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out number) ? number : (long?)null;
        }

        private static DateTimeOffset? Time(JsonElement item, string name) =>
            Text(item, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : (DateTimeOffset?)null;

        private static OperationsApiException Unexpected(ApiRequest request, ApiResponse response, string expected) =>
            FailureBuilder.UnexpectedShape(
                $"Reading BigChange jobs failed: {request.Describe()} answered {response.StatusCode} with {BodyShape.Describe(response.Body)}, not {expected}.",
                request, response, "Check that -BaseUri points at the BigChange REST API (https://api.bigchange.com); a proxy or login page may be answering.");
    }
}
