using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;

namespace OperationsModule.Core.Systems.BigChange.Jobs
{
    /// <summary>
    /// Get-BigChangeJob's list filters, checked before the wire. BigChange refuses a list without an ID or a
    /// complete date range (422), so the StartAt range is required here; statuses go to the server as the
    /// repeated `status` query value it takes.
    /// </summary>
    internal sealed class BigChangeJobQuery
    {
        /// <summary>The largest pageSize the API takes.</summary>
        public const int MaximumPageSize = 1000;

        /// <summary>The largest number of values the API takes in one list filter.</summary>
        public const int MaximumFilterValues = 50;

        public const string RangeRequired =
            "BigChange refuses to list jobs without a date range (the API answers 422). Give -StartAfter and -StartBefore (the jobs planned to start between them), or -JobId.";

        private BigChangeJobQuery(DateTimeOffset startAfter, DateTimeOffset startBefore, IReadOnlyList<string> statuses, int pageSize)
        {
            StartAfter = startAfter;
            StartBefore = startBefore;
            Statuses = statuses;
            PageSize = pageSize;
        }

        public DateTimeOffset StartAfter { get; }

        public DateTimeOffset StartBefore { get; }

        /// <summary>In the vendor's spelling; empty means every status.</summary>
        public IReadOnlyList<string> Statuses { get; }

        public int PageSize { get; }

        /// <summary>Throws InputValidationException naming the parameter at fault.</summary>
        public static BigChangeJobQuery Create(DateTimeOffset? startAfter, DateTimeOffset? startBefore, IEnumerable<string?>? statuses, int pageSize = MaximumPageSize)
        {
            if (startAfter is null && startBefore is null)
                throw InputValidationException.Missing("StartAfter", RangeRequired);
            if (startAfter is null)
                throw InputValidationException.Missing("StartAfter", "BigChange needs a complete date range: give -StartAfter with -StartBefore.");
            if (startBefore is null)
                throw InputValidationException.Missing("StartBefore", "BigChange needs a complete date range: give -StartBefore with -StartAfter.");
            if (startAfter.Value > startBefore.Value)
                throw new InputValidationException("StartAfter", $"{Display(startAfter.Value)} is later than -StartBefore {Display(startBefore.Value)}; no job can start in that range.");
            if (pageSize < 1 || pageSize > MaximumPageSize)
                throw new InputValidationException("PageSize", $"{pageSize} is outside 1-{MaximumPageSize}, the page sizes BigChange takes.");
            return new BigChangeJobQuery(startAfter.Value, startBefore.Value, BigChangeJobStatus.ValidateFilter("Status", statuses), pageSize);
        }

        /// <summary>GET /v1/jobs for one page (numbered from 1), with the range in UTC ISO 8601 and every status filter.</summary>
        public ApiRequest BuildPageRequest(Uri baseUri, long pageNumber, long customerId)
        {
            var query = new StringBuilder()
                .Append("StartAtFrom=").Append(Uri.EscapeDataString(Wire(StartAfter)))
                .Append("&StartAtTo=").Append(Uri.EscapeDataString(Wire(StartBefore)));
            foreach (var status in Statuses) query.Append("&status=").Append(Uri.EscapeDataString(status));
            query.Append("&pageNumber=").Append(pageNumber.ToString(CultureInfo.InvariantCulture))
                .Append("&pageSize=").Append(PageSize.ToString(CultureInfo.InvariantCulture));
            var uri = new UriBuilder(BigChangePaths.Jobs(baseUri)) { Query = query.ToString() }.Uri;
            return BigChangeJobClient.WithTenant(new ApiRequest(HttpMethod.Get, uri), customerId);
        }

        /// <summary>Whether a job read by ID passes the filters the list call would have applied on the server.</summary>
        public static bool Matches(Models.BigChangeJob job, IReadOnlyList<string> statuses, DateTimeOffset? startAfter, DateTimeOffset? startBefore) =>
            (statuses.Count == 0 || (job.Status is { } s && statuses.Contains(s)))
            && (startAfter is null || (job.StartAt is { } a && a >= startAfter.Value))
            && (startBefore is null || (job.StartAt is { } b && b <= startBefore.Value));

        private static string Wire(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        private static string Display(DateTimeOffset value) => value.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
    }
}
