using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.BigChange.Jobs;

namespace OperationsModule.Cmdlets
{
    /// <summary>
    /// Finds BigChange jobs: GET /v1/jobs (every page, with the StartAt range and statuses filtered on the server), or
    /// GET /v1/jobs/{jobId} for each -JobId. Its objects carry JobId and CustomerId, so they pipe into Stop-Job's
    /// BigChange set.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "BigChangeJob", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(BigChangeJob))]
    public sealed class GetBigChangeJobCommand : GetCmdletBase
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        private IReadOnlyList<string> _statuses = Array.Empty<string>();
        private bool _saidClientSide;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
        public long[]? JobId { get; set; }

        /// <summary>Jobs planned to start at or after this time (BigChange's StartAtFrom).</summary>
        [Parameter]
        public DateTime StartAfter { get; set; }

        /// <summary>Jobs planned to start at or before this time (BigChange's StartAtTo).</summary>
        [Parameter]
        public DateTime StartBefore { get; set; }

        /// <summary>BigChange job statuses in any case (scheduled, new, started...); checked before any request.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Status { get; set; }

        /// <summary>
        /// The BigChange customer (tenant); without it, the session's. A piped row's CustomerId binds only with its
        /// JobId: were it bound in the list set, PowerShell would settle on that set and never bind the row's JobId.
        /// </summary>
        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
        public long CustomerId { get; set; }

        protected override OperationsSystem System => OperationsSystem.BigChange;

        protected override IReadOnlyList<string?>? CurrentIds =>
            JobId is null ? null : Array.ConvertAll(JobId, id => (string?)id.ToString(CultureInfo.InvariantCulture));

        /// <summary>-CustomerId typed, or bound from the current piped row; null for the session's.</summary>
        private long? GivenCustomer => MyInvocation.BoundParameters.ContainsKey(nameof(CustomerId)) ? CustomerId : (long?)null;

        private DateTimeOffset? After => Bound(nameof(StartAfter), StartAfter);

        private DateTimeOffset? Before => Bound(nameof(StartBefore), StartBefore);

        /// <summary>A typed time as a point in time: local or unspecified ones mean this computer's time zone, as Get-Date's do.</summary>
        private DateTimeOffset? Bound(string name, DateTime value)
        {
            if (!MyInvocation.BoundParameters.ContainsKey(name)) return null;
            try
            {
                return new DateTimeOffset(value);
            }
            catch (ArgumentOutOfRangeException)
            {
                // [datetime]::MinValue or MaxValue shifted by this computer's UTC offset falls outside what a time can hold.
                throw new Core.Errors.InputValidationException(name, $"{value.ToString("o", CultureInfo.InvariantCulture)} is outside the times this computer's time zone can express; give a date between the years 0002 and 9998.");
            }
        }

        protected override void ValidateFilters()
        {
            _statuses = BigChangeJobStatus.ValidateFilter(nameof(Status), Status);
            // With no IDs typed or piped, the list is all there is: refuse a missing or reversed range before any request.
            if (JobId is null && !MyInvocation.ExpectingInput) BigChangeJobQuery.Create(After, Before, _statuses);
            else if (After is { } a && Before is { } b && a > b) BigChangeJobQuery.Create(a, b, _statuses);
        }

        protected override bool ReadById(string? id)
        {
            if (!_saidClientSide && (_statuses.Count > 0 || After is not null || Before is not null))
            {
                _saidClientSide = true;
                WriteVerbose("-Status, -StartAfter and -StartBefore are applied here to the jobs read by -JobId: BigChange filters only its list call.");
            }
            // Per record: a piped row's own CustomerId names the tenant of its job.
            var reader = new BigChangeJobItemReader(GivenCustomer);
            var statuses = _statuses;
            var (after, before) = (After, Before);
            return Command.Read(reader, id, PipedSession, PipedServer, job => BigChangeJobQuery.Matches(job, statuses, after, before));
        }

        private protected override bool List(ResolvedConnection connection)
        {
            var query = BigChangeJobQuery.Create(After, Before, _statuses);
            var customer = BigChangeJobClient.ResolveCustomer(GivenCustomer, connection.Session);
            return Command.List(new BigChangeJobPageSource(query, connection, customer), connection);
        }
    }
}
