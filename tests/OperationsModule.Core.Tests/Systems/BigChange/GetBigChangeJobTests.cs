using System;
using System.Linq;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.BigChange.Jobs;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Core.Tests.Systems.Shared;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.Core.Tests.Systems.BigChange
{
    /// <summary>Get-BigChangeJob's Core against the simulator: every page, the server-side filters, reads by ID, refusals.</summary>
    public sealed class GetBigChangeJobTests
    {
        private static readonly DateTimeOffset Day = new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero);

        private static ConnectionRequest Client(Uri baseUri, string secret = "bc-secret", long? customer = 4242)
        {
            var request = Connections.PerCall(OperationsSystem.BigChange, baseUri, credential: Connections.Credential("bc-client", secret));
            request.CustomerId = customer;
            return request;
        }

        private static RecordingOutput List(ConnectionRequest request, BigChangeJobQuery query) =>
            FindRun.List(request, (connection, command) =>
                command.List(new BigChangeJobPageSource(query, connection, BigChangeJobClient.ResolveCustomer(null, connection.Session)), connection));

        [Fact]
        public async Task Every_page_is_read_until_a_short_one_with_the_range_and_statuses_sent_to_the_server()
        {
            await using var sim = await SimulatorServer.StartAsync();
            for (var id = 1; id <= 25; id++) sim.State.BigChange.SeedJob(id, id % 5 == 0 ? "new" : "scheduled", startAt: Day.AddHours(8).AddMinutes(id));
            sim.State.BigChange.SeedJob(26, startAt: Day.AddDays(2)); // outside the range
            sim.State.BigChange.SeedJob(27, "started", startAt: Day.AddHours(9)); // another status

            var output = List(Client(sim.BaseUri), BigChangeJobQuery.Create(Day, Day.AddDays(1), new[] { "Scheduled", "NEW" }, pageSize: 10));

            Assert.Empty(output.Failures);
            var jobs = output.Objects.Cast<BigChangeJob>().ToList();
            Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), jobs.Select(j => j.JobId));
            Assert.All(jobs, j => Assert.Equal((4242L, sim.BaseUri), (j.CustomerId, j.Server)));
            Assert.Equal(Day.AddHours(8).AddMinutes(1), jobs[0].StartAt);
            var lists = sim.Journal.Snapshot().Where(r => r.Method == "GET" && r.Path == "/v1/jobs").ToList();
            Assert.Equal(new[] { "1", "2", "3" }, lists.Select(r => Query(r.Query, "pageNumber")));
            Assert.All(lists, r => Assert.Equal("4242", r.Headers["Customer-Id"]));
            var first = Uri.UnescapeDataString(lists[0].Query);
            Assert.Contains("StartAtFrom=2026-12-08T00:00:00Z", first, StringComparison.Ordinal);
            Assert.Contains("StartAtTo=2026-12-09T00:00:00Z", first, StringComparison.Ordinal);
            Assert.Contains("status=scheduled&status=new", first, StringComparison.Ordinal);
            Assert.Contains("pageSize=10", first, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_last_page_that_is_exactly_full_ends_with_an_empty_page_and_no_match_is_zero_objects()
        {
            await using var sim = await SimulatorServer.StartAsync();
            for (var id = 1; id <= 20; id++) sim.State.BigChange.SeedJob(id, startAt: Day.AddHours(9));

            var full = List(Client(sim.BaseUri), BigChangeJobQuery.Create(Day, Day.AddDays(1), null, pageSize: 10));
            var none = List(Client(sim.BaseUri), BigChangeJobQuery.Create(Day.AddDays(5), Day.AddDays(6), null));

            Assert.Equal(20, full.Objects.Count);
            Assert.Equal((0, 0), (none.Objects.Count, none.Failures.Count));
            Assert.Equal(4, sim.Journal.Snapshot().Count(r => r.Path == "/v1/jobs"));
        }

        [Fact]
        public async Task A_refused_client_secret_is_one_error_and_no_page_is_asked_for()
        {
            await using var sim = await SimulatorServer.StartAsync();
            for (var id = 1; id <= 30; id++) sim.State.BigChange.SeedJob(id, startAt: Day.AddHours(9));

            var output = List(Client(sim.BaseUri, secret: "wrong"), BigChangeJobQuery.Create(Day, Day.AddDays(1), null, pageSize: 10));

            var failure = Assert.Single(output.Failures);
            Assert.Empty(output.Objects);
            Assert.Equal(ErrorCategoryName.AuthenticationError, failure.Category);
            Assert.DoesNotContain(sim.Journal.Snapshot(), r => r.Path == "/v1/jobs");
        }

        [Fact]
        public async Task A_refused_client_secret_reading_by_ID_fails_each_ID_once_and_no_job_is_read()
        {
            await using var sim = await SimulatorServer.StartAsync();
            for (var id = 1; id <= 3; id++) sim.State.BigChange.SeedJob(id);

            var output = FindRun.Read(Client(sim.BaseUri, secret: "wrong"), new BigChangeJobItemReader(null), null, "1", "2", "3");

            Assert.Equal(3, output.Failures.Count);
            Assert.All(output.Failures, f => Assert.Equal(ErrorCategoryName.AuthenticationError, f.Category));
            Assert.DoesNotContain(sim.Journal.Snapshot(), r => r.Path.StartsWith("/v1/jobs", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData(null, null, "StartAfter", "refuses to list jobs without a date range")]
        [InlineData("2026-12-08", null, "StartBefore", "complete date range")]
        [InlineData(null, "2026-12-08", "StartAfter", "complete date range")]
        [InlineData("2026-12-09", "2026-12-08", "StartAfter", "later than -StartBefore")]
        public void A_missing_or_reversed_range_is_refused_before_the_wire_naming_the_parameter(string? after, string? before, string parameter, string words)
        {
            var ex = Assert.Throws<InputValidationException>(() => BigChangeJobQuery.Create(Parse(after), Parse(before), null));

            Assert.Equal(parameter, ex.ParameterName);
            Assert.Contains(words, ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void An_unknown_status_is_refused_naming_every_allowed_value_and_known_ones_take_the_vendor_spelling()
        {
            var ex = Assert.Throws<InputValidationException>(() => BigChangeJobStatus.ValidateFilter("Status", new[] { "scheduled", "finished" }));

            Assert.Equal("Status", ex.ParameterName);
            Assert.Contains("'finished'", ex.Message, StringComparison.Ordinal);
            Assert.All(BigChangeJobStatus.All, s => Assert.Contains(s, ex.Message, StringComparison.Ordinal));
            Assert.Equal(new[] { "completedOk", "onTheWay" }, BigChangeJobStatus.ValidateFilter("Status", new[] { "COMPLETEDOK", "ontheway", "onTheWay" }));
            Assert.Equal(("completedWithIssues", "someNewState"), (BigChangeJobStatus.Normalize(" CompletedWithIssues "), BigChangeJobStatus.Normalize("someNewState")));
            Assert.Equal((true, false, false, (bool?)null), (BigChangeJobStatus.IsCancellable("scheduled"), BigChangeJobStatus.IsCancellable("started"), BigChangeJobStatus.IsCancellable("cancelled"), BigChangeJobStatus.IsCancellable("someNewState")));
        }

        [Fact]
        public async Task Reads_by_ID_give_one_object_or_one_error_each_and_filter_here()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.BigChange.SeedJob(1, "scheduled", startAt: Day.AddHours(9), reference: "R-1");
            sim.State.BigChange.SeedJob(2, "started", startAt: Day.AddHours(9));
            var statuses = BigChangeJobStatus.ValidateFilter("Status", new[] { "scheduled" });

            var output = FindRun.Read(Client(sim.BaseUri), new BigChangeJobItemReader(null), j => BigChangeJobQuery.Matches(j, statuses, null, null), "1", "2", "3", "0");

            var job = Assert.Single(output.Objects.Cast<BigChangeJob>());
            Assert.Equal((1L, "R-1", "scheduled", true), (job.JobId, job.Reference, job.Status, job.IsCancellable));
            Assert.Equal(new object?[] { "0", "3" }, output.Failures.Select(f => f.TargetObject).OrderBy(t => t));
            Assert.Contains(output.Failures, f => f.ErrorId == ErrorIds.NotFound);
            Assert.Contains(output.Failures, f => f.ErrorId == ErrorIds.InvalidParameter);
            Assert.DoesNotContain(sim.Journal.Snapshot(), r => r.Path == "/v1/jobs/0");
        }

        [Fact]
        public async Task A_typed_customer_wins_over_the_session_and_the_job_carries_it_for_Stop_Job()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.BigChange.SeedJob(5, customerId: 77);

            var output = FindRun.Read(Client(sim.BaseUri), new BigChangeJobItemReader(77), null, "5");

            Assert.Equal(77L, Assert.Single(output.Objects.Cast<BigChangeJob>()).CustomerId);
            Assert.Equal("77", sim.Journal.Snapshot().Single(r => r.Path == "/v1/jobs/5").Headers["Customer-Id"]);
        }

        [Fact]
        public async Task Odd_spellings_and_nulls_from_the_server_read_as_the_vendor_spelling_and_null()
        {
            const string page = "{\"items\":[{\"id\":\"9\",\"status\":\"COMPLETEDOK\",\"reference\":null,\"startAt\":null,\"createdAt\":\"2026-12-01T08:00:00+01:00\"}],\"pageNumber\":1,\"pageSize\":1000,\"pageItemCount\":1}";
            await using var server = new RawHttpListener(r => LoginAnswers.Issue(r, "t0k3n")
                ?? RawHttpListener.Answer(200, page, "application/json"));

            var output = List(Client(server.BaseUri), BigChangeJobQuery.Create(Day, Day.AddDays(1), null));

            var job = Assert.Single(output.Objects.Cast<BigChangeJob>());
            Assert.Equal((9L, "completedOk", false, (string?)null, (DateTimeOffset?)null), (job.JobId, job.Status, job.IsCancellable, job.Reference, job.StartAt));
            Assert.Equal(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero), job.CreatedAt);
        }

        [Fact]
        public async Task A_page_without_items_is_one_clear_error()
        {
            await using var server = new RawHttpListener(r => LoginAnswers.Issue(r, "t0k3n")
                ?? RawHttpListener.Answer(200, "<html>Sign in</html>", "text/html"));

            var output = List(Client(server.BaseUri), BigChangeJobQuery.Create(Day, Day.AddDays(1), null));

            var failure = Assert.Single(output.Failures);
            Assert.Equal(ErrorIds.UnexpectedResponse, failure.ErrorId);
            Assert.Contains("not JSON", failure.Exception.Message, StringComparison.Ordinal);
        }

        private static DateTimeOffset? Parse(string? text) =>
            text is null ? (DateTimeOffset?)null : DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        private static string? Query(string query, string name) =>
            query.TrimStart('?').Split('&').Select(p => p.Split('=')).Where(p => p[0] == name).Select(p => p[1]).FirstOrDefault();
    }
}
