using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.BigChange;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;
using Xunit;
using static OperationsModule.Core.Tests.Systems.Shared.StopRun;

namespace OperationsModule.Core.Tests.Systems.BigChange
{
    /// <summary>Stop-Job's BigChange path: request shape, input checks and every documented status.</summary>
    public sealed class StopJobApiTests
    {
        internal static readonly JobCancelEndpoint Endpoint = JobCancelEndpoint.Instance;

        internal static ConnectionRequest WithClient(SimulatorServer sim, string? secret = null) =>
            Connections.PerCall(OperationsSystem.BigChange, sim.BaseUri, credential: Connections.Credential(sim.Options.BigChangeClientId, secret ?? sim.Options.BigChangeClientSecret));

        internal static (string, CancelArguments?) Job(long id, string reason = "Customer rescheduled", long? customer = 4242) =>
            (id.ToString(System.Globalization.CultureInfo.InvariantCulture), new CancelArguments { Reason = reason, CustomerId = customer });

        private static async Task<string> AccessTokenAsync(SimulatorServer sim)
        {
            using var http = Simulator.SimTestClient.For(sim);
            return await Simulator.SimTestClient.BigChangeTokenAsync(http, sim);
        }

        private static string Problem(int status, string detail, string? errors = null) =>
            "{\"type\":\"https://tools.ietf.org/html/rfc9110\",\"title\":\"Problem " + status + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"instance\":\"/v1/jobs/1/cancel\"" +
            (errors is null ? string.Empty : ",\"errors\":" + errors) + ",\"traceId\":\"00-abc-def-00\"}";

        [Fact]
        public async Task Status204_sends_PUT_with_the_reason_as_a_JSON_string_Customer_Id_and_Bearer()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.BigChange.AddJob(7);
            var token = await AccessTokenAsync(sim);
            sim.Journal.Clear();

            var output = Run(Endpoint, Connections.PerCall(OperationsSystem.BigChange, sim.BaseUri, token: Connections.Secret(token)), Job(7, "Customer rescheduled \"today\""));

            var result = output.Single<CancellationResult>();
            Assert.Equal((OperationsSystem.BigChange, "Job", "7", 204, "Customer rescheduled \"today\""), (result.System, result.Kind, result.Id, result.StatusCode, result.Reason));
            Assert.Equal("cancelled", sim.State.BigChange.GetStatus(7));
            var request = sim.Journal.Snapshot().Single();
            Assert.Equal(("PUT", "/v1/jobs/7/cancel"), (request.Method, request.Path));
            Assert.Equal("Bearer " + token, request.Headers["Authorization"]);
            Assert.Equal("4242", request.Headers["Customer-Id"]);
            Assert.StartsWith("application/json", request.Headers["Content-Type"]);
            Assert.Equal("Customer rescheduled \"today\"", JsonDocument.Parse(request.Body).RootElement.GetString());
            Assert.Equal("\"Customer rescheduled \\u0022today\\u0022\"", request.Body);
        }

        [Fact]
        public async Task The_session_customer_is_used_when_the_item_has_none_and_the_item_customer_wins()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.BigChange.AddJob(1);
            sim.State.BigChange.AddJob(2, customerId: 99);
            var request = WithClient(sim);
            request.CustomerId = 4242;
            using var session = Connect(request);

            var output = Run(Endpoint, new ConnectionPlan(WithSession(session), new SessionStore()), Job(1, customer: null), Job(2, customer: 99));

            Assert.Equal(2, output.Objects.Count);
            var puts = Requests(sim, "PUT", "/cancel");
            Assert.Equal("4242", puts.Single(r => r.Path == "/v1/jobs/1/cancel").Headers["Customer-Id"]);
            Assert.Equal("99", puts.Single(r => r.Path == "/v1/jobs/2/cancel").Headers["Customer-Id"]);
        }

        [Fact]
        public async Task No_customer_anywhere_fails_naming_CustomerId_without_a_request()
        {
            await using var sim = await SimulatorServer.StartAsync();

            var failure = SingleFailure(Run(Endpoint, WithClient(sim), Job(1, customer: null)));

            Assert.Equal("CustomerId", Assert.IsType<InputValidationException>(failure.Exception).ParameterName);
            Assert.Equal((ErrorIds.InvalidParameter, "1"), (failure.ErrorId, failure.TargetObject));
            Assert.StartsWith("-CustomerId is missing: BigChange requires the customer (tenant) ID on every call", failure.Exception.Message);
            Assert.DoesNotContain("Cannot use the value", failure.Exception.Message);
            Assert.Empty(sim.Journal.Snapshot());
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData(null)]
        public async Task An_empty_reason_fails_naming_Reason_without_a_request(string? reason)
        {
            await using var sim = await SimulatorServer.StartAsync();

            var failure = SingleFailure(Run(Endpoint, WithClient(sim), ("1", new CancelArguments { Reason = reason, CustomerId = 4242 })));

            Assert.Equal(ErrorIds.InvalidParameter, failure.ErrorId);
            Assert.Equal("Reason", Assert.IsType<InputValidationException>(failure.Exception).ParameterName);
            Assert.Empty(sim.Journal.Snapshot());
        }

        /// <summary>The endpoint uses ReasonValidator: a control character (refused there, once allowed here) never reaches the wire.</summary>
        [Fact]
        public async Task A_reason_with_a_control_character_fails_naming_Reason_without_a_request()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.BigChange.AddJob(1);

            var failure = SingleFailure(Run(Endpoint, WithClient(sim), Job(1, "stop\u0007now")));

            Assert.Equal("Reason", Assert.IsType<InputValidationException>(failure.Exception).ParameterName);
            Assert.Contains("U+0007", failure.Exception.Message);
            Assert.Empty(sim.Journal.Snapshot());
        }

        [Fact]
        public async Task A_reason_of_500_characters_is_sent_and_501_is_refused()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.BigChange.AddJobs(new long[] { 1, 2 });

            var output = Run(Endpoint, WithClient(sim), Job(1, new string('r', 500)), Job(2, new string('r', 501)));

            Assert.Equal("1", output.Single<CancellationResult>().Id);
            var failure = output.Failures.Single();
            Assert.Equal("Reason", Assert.IsType<InputValidationException>(failure.Exception).ParameterName);
            Assert.Contains("501 characters", failure.Exception.Message);
            Assert.Single(Requests(sim, "PUT", "/cancel"));
        }

        [Theory]
        [InlineData("0")]
        [InlineData("-5")]
        [InlineData("abc")]
        public async Task A_job_id_below_1_fails_naming_JobId(string id)
        {
            await using var sim = await SimulatorServer.StartAsync();

            var failure = SingleFailure(Run(Endpoint, WithClient(sim), (id, new CancelArguments { Reason = "r", CustomerId = 4242 })));

            Assert.Equal("JobId", Assert.IsType<InputValidationException>(failure.Exception).ParameterName);
            Assert.Empty(sim.Journal.Snapshot());
        }

        [Fact]
        public async Task Status403_for_another_customers_job_is_Forbidden_with_the_problem_detail()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.BigChange.AddJob(5, customerId: 1);

            var failure = SingleFailure(Run(Endpoint, WithClient(sim), Job(5)));

            Assert.Equal((ErrorIds.Forbidden, ErrorCategoryName.PermissionDenied), (failure.ErrorId, failure.Category));
            Assert.Equal("Customer 4242 has not granted access to job 5.", failure.DetailsMessage);
            var vendor = failure.Exception.VendorError!;
            Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.4", vendor.Code);
            Assert.Equal("Forbidden", vendor.Details["title"]);
            Assert.Equal("403", vendor.Details["status"]);
            Assert.Equal("/v1/jobs/5/cancel", vendor.Details["instance"]);
            Assert.False(string.IsNullOrEmpty(failure.Exception.CorrelationId));
            Assert.Equal(StatusClassifier.Advice(403), failure.RecommendedAction);
            Assert.DoesNotContain("[https:", failure.Exception.Message);
        }

        [Fact]
        public async Task Status404_is_NotFound()
        {
            await using var sim = await SimulatorServer.StartAsync();

            var failure = SingleFailure(Run(Endpoint, WithClient(sim), Job(404040)));

            Assert.Equal((ErrorIds.NotFound, ErrorCategoryName.ObjectNotFound), (failure.ErrorId, failure.Category));
            Assert.Equal("Job 404040 was not found.", failure.DetailsMessage);
            Assert.Equal("application/problem+json", failure.Exception.ContentType);
        }

        [Theory]
        [InlineData("started")]
        [InlineData("completedOk")]
        [InlineData("cancelled")]
        public async Task Status422_for_a_job_that_cannot_be_cancelled_is_said_as_the_jobs_state_in_the_vendors_field_words(string status)
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.BigChange.AddJob(9, status);

            var failure = SingleFailure(Run(Endpoint, WithClient(sim), Job(9)));

            Assert.Equal((ErrorIds.ValidationFailed, ErrorCategoryName.InvalidData), (failure.ErrorId, failure.Category));
            var expected = $"Job 9 has status '{status}' and cannot be cancelled.";
            Assert.Equal(new[] { expected }, failure.Exception.VendorError!.FieldErrors["jobId"]);
            // The simulator sends ASP.NET Core's stock detail, as BigChange's API would; a PowerShell user has no "errors property".
            Assert.Equal("See the errors property for details.", failure.Exception.VendorError.Details["detail"]);
            Assert.Equal(expected, failure.DetailsMessage);
            Assert.EndsWith("answered 422 (UnprocessableEntity): " + expected, failure.Exception.Message);
            Assert.Equal(ValidationProblem.StateAdvice, failure.RecommendedAction);
            Assert.DoesNotContain("errors property", failure.Exception.Message + failure.DetailsMessage + failure.RecommendedAction, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Correct the field", failure.RecommendedAction);
        }

        [Fact]
        public async Task Status422_naming_a_bad_field_with_the_stock_detail_says_the_field_and_where_the_messages_are()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.Status(422, body: Problem(422, "See the errors property for details.", "{\"reason\":[\"The reason contains a word that is not allowed.\"]}")), method: "PUT");

            var failure = SingleFailure(Run(Endpoint, WithClient(sim), Job(1)));

            Assert.Equal("reason: The reason contains a word that is not allowed.", failure.DetailsMessage);
            Assert.EndsWith(": reason: The reason contains a word that is not allowed.", failure.Exception.Message);
            Assert.Equal(ValidationProblem.FieldAdvice, failure.RecommendedAction);
            Assert.Contains("$_.Exception.VendorError.FieldErrors", failure.RecommendedAction);
        }

        [Fact]
        public async Task Status422_served_as_application_json_is_parsed_the_same()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.Status(422, body: Problem(422, "Validation failed.", "{\"reason\":[\"Too long.\",\"Bad word.\"],\"jobId\":[\"Unknown.\"]}"), contentType: "application/json"), method: "PUT");

            var failure = SingleFailure(Run(Endpoint, WithClient(sim), Job(1)));

            Assert.Equal(ErrorIds.ValidationFailed, failure.ErrorId);
            Assert.Equal(new[] { "Too long.", "Bad word." }, failure.Exception.VendorError!.FieldErrors["reason"]);
            Assert.Contains("  reason: Too long.; Bad word.", failure.DetailsMessage);
            Assert.Contains("  jobId: Unknown.", failure.DetailsMessage);
            Assert.StartsWith("Validation failed.", failure.DetailsMessage); // a specific detail leads, the fields follow
            Assert.Equal(ValidationProblem.FieldAdvice, failure.RecommendedAction);
            Assert.Equal("00-abc-def-00", failure.Exception.CorrelationId);
        }

        [Theory]
        [InlineData(400, "InvalidRequest", "InvalidArgument")]
        [InlineData(500, "ServerError", "InvalidResult")]
        public async Task Status400_and_500_problem_details_are_classified_by_status(int status, string errorId, string category)
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.Status(status, body: Problem(status, "Something specific happened."), contentType: "application/problem+json"), method: "PUT");

            var failure = SingleFailure(Run(Endpoint, WithClient(sim), Job(1)));

            Assert.Equal((errorId, category), (failure.ErrorId, failure.Category));
            Assert.Equal("Something specific happened.", failure.DetailsMessage);
            Assert.Equal($"Problem {status}", failure.Exception.VendorError!.Details["title"]);
        }

        [Fact]
        public async Task A_problem_without_detail_falls_back_to_its_title()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.Status(400, body: "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":null}", contentType: "application/problem+json"), method: "PUT");

            var failure = SingleFailure(Run(Endpoint, WithClient(sim), Job(1)));

            Assert.Equal("Bad Request", failure.DetailsMessage);
            Assert.Null(failure.Exception.VendorError!.Code);
        }

        [Fact]
        public async Task An_HTML_error_page_is_readable()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.HtmlError(500), method: "PUT");

            var failure = SingleFailure(Run(Endpoint, WithClient(sim), Job(1)));

            Assert.Equal(ErrorIds.ServerError, failure.ErrorId);
            Assert.Equal("500 Internal Server Error", failure.DetailsMessage);
        }

        [Fact]
        public async Task An_undocumented_status_is_UnexpectedStatus()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.Status(302), method: "PUT", times: 1);
            sim.Faults.Add(FaultAction.Status(418, body: "teapot", contentType: "text/plain"), method: "PUT");

            var output = Run(Endpoint, WithClient(sim), Job(1), Job(2));

            Assert.Equal(2, output.Failures.Count);
            Assert.Contains(output.Failures, f => f.ErrorId == ErrorIds.UnexpectedRedirect);
            Assert.Contains(output.Failures, f => f.ErrorId == ErrorIds.UnexpectedStatus && f.DetailsMessage == "teapot");
        }
    }
}
