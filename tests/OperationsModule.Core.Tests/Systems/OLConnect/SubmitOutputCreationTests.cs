using System;
using System.Linq;
using System.Text;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.Core.Tests.Systems.OLConnect
{
    public sealed class SubmitOutputCreationTests
    {
        private const string SubmitPath = "/rest/serverengine/workflow/outputcreation/1001/jobs";

        [Fact]
        public async System.Threading.Tasks.Task Accepted_202_becomes_an_operation_and_the_server_got_the_documented_body()
        {
            await using var sim = await SimulatorServer.StartAsync();

            var output = OlConnectHarness.Submit(OlConnectHarness.PerCall(sim, OlConnectHarness.Admin(sim)), "1001", new long[] { 3, 1, 2 });

            Assert.Empty(output.Failures);
            var operation = output.Single<OutputCreationOperation>();
            var serverSide = Assert.Single(sim.State.OlConnect.Operations);
            Assert.Equal(serverSide.Id, operation.OperationId);
            Assert.Equal(new long[] { 3, 1, 2 }, operation.JobIds);
            Assert.Equal("1001", operation.ConfigId);
            Assert.True(operation.CreateOnly);
            Assert.Equal(sim.BaseUri, operation.Server);
            var request = Assert.Single(sim.Journal.Snapshot());
            Assert.Equal("POST", request.Method);
            Assert.Equal(SubmitPath, request.Path);
            Assert.Equal("{\"identifiers\":[3,1,2],\"createOnly\":true}", request.Body);
            Assert.StartsWith("application/json", request.Headers["Content-Type"]);
            var basic = Encoding.UTF8.GetString(Convert.FromBase64String(request.Headers["Authorization"].Substring("Basic ".Length)));
            Assert.Equal(sim.Options.OlConnectUser + ":" + sim.Options.OlConnectPassword, basic);
        }

        [Fact]
        public async System.Threading.Tasks.Task CreateOnly_off_is_sent_as_false_and_reaches_the_server()
        {
            await using var sim = await SimulatorServer.StartAsync();

            var output = OlConnectHarness.Submit(OlConnectHarness.PerCall(sim, OlConnectHarness.Admin(sim)), "Invoices-Preset", new long[] { 7 }, createOnly: false);

            Assert.False(output.Single<OutputCreationOperation>().CreateOnly);
            Assert.False(Assert.Single(sim.State.OlConnect.Operations).CreateOnly);
            Assert.Equal("{\"identifiers\":[7],\"createOnly\":false}", Assert.Single(sim.Journal.Snapshot()).Body);
        }

        [Theory]
        [InlineData(false, false)]
        [InlineData(true, false)]
        [InlineData(false, true)]
        [InlineData(true, true)]
        public async System.Threading.Tasks.Task Link_headers_are_parsed_by_rel_whether_relative_absolute_joined_or_separate(bool absolute, bool separate)
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { OlConnectAbsoluteLinks = absolute, OlConnectSeparateLinkHeaders = separate });

            var operation = OlConnectHarness.Submit(OlConnectHarness.PerCall(sim, OlConnectHarness.Admin(sim)), "1001", new long[] { 1 }).Single<OutputCreationOperation>();

            var escaped = Uri.EscapeDataString(operation.OperationId);
            Assert.Equal(new Uri(sim.BaseUri, "rest/serverengine/workflow/outputcreation/getProgress/" + escaped), operation.Links.Progress);
            Assert.Equal(new Uri(sim.BaseUri, "rest/serverengine/workflow/outputcreation/getResult/" + escaped), operation.Links.Result);
            Assert.Equal(new Uri(sim.BaseUri, "rest/serverengine/workflow/outputcreation/cancel/" + escaped), operation.Links.Cancel);
        }

        [Fact]
        public async System.Threading.Tasks.Task Auth_token_header_is_sent_when_a_token_is_given()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var token = await SimulatorLogin.OlConnectTokenAsync(sim);

            var output = OlConnectHarness.Submit(OlConnectHarness.PerCall(sim, token: Connections.Secret(token)), "1001", new long[] { 1 });

            Assert.Single(output.Objects);
            var request = sim.Journal.For("/jobs").Single();
            Assert.Equal(token, request.Headers["auth_token"]);
            Assert.False(request.Headers.ContainsKey("Authorization"));
        }

        [Fact]
        public async System.Threading.Tasks.Task Without_server_security_no_credentials_are_needed_or_sent()
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { OlConnectSecurityEnabled = false });
            var request = OlConnectHarness.PerCall(sim);
            request.AllowUnencryptedAuthentication = false;

            var output = OlConnectHarness.Submit(request, "1001", new long[] { 1 });

            Assert.Single(output.Objects);
            var recorded = Assert.Single(sim.Journal.Snapshot());
            Assert.False(recorded.Headers.ContainsKey("Authorization"));
            Assert.False(recorded.Headers.ContainsKey("auth_token"));
        }

        [Fact]
        public async System.Threading.Tasks.Task Status_401_is_one_AuthenticationError_record_with_the_servers_message()
        {
            await using var sim = await SimulatorServer.StartAsync();

            var output = OlConnectHarness.Submit(OlConnectHarness.PerCall(sim, Connections.Credential(sim.Options.OlConnectUser, "wrong")), "1001", new long[] { 1 });

            Assert.Empty(output.Objects);
            var failure = Assert.Single(output.Failures);
            Assert.Equal(ErrorIds.Unauthorized, failure.ErrorId);
            Assert.Equal(ErrorCategoryName.AuthenticationError, failure.Category);
            Assert.Equal(401, failure.Exception.StatusCode);
            Assert.Equal("Authentication required: bad or missing credentials.", failure.DetailsMessage);
            Assert.Contains("credential", failure.RecommendedAction);
            Assert.Equal("1001", failure.TargetObject);
        }

        [Fact]
        public async System.Threading.Tasks.Task Status_403_for_a_role_without_the_right_is_PermissionDenied()
        {
            await using var sim = await SimulatorServer.StartAsync();

            var failure = Assert.Single(OlConnectHarness.Submit(OlConnectHarness.PerCall(sim, OlConnectHarness.Viewer(sim)), "1001", new long[] { 1 }).Failures);

            Assert.Equal(ErrorIds.Forbidden, failure.ErrorId);
            Assert.Equal(ErrorCategoryName.PermissionDenied, failure.Category);
            Assert.Equal(403, failure.Exception.StatusCode);
            Assert.False(string.IsNullOrWhiteSpace(failure.Exception.VendorError?.Message));
            Assert.Empty(sim.State.OlConnect.Operations);
        }

        [Fact]
        public async System.Threading.Tasks.Task Status_404_for_a_missing_preset_names_the_preset()
        {
            await using var sim = await SimulatorServer.StartAsync();

            var failure = Assert.Single(OlConnectHarness.Submit(OlConnectHarness.PerCall(sim, OlConnectHarness.Admin(sim)), "no-such-preset", new[] { 1L }).Failures);

            Assert.Equal((ErrorIds.NotFound, ErrorCategoryName.ObjectNotFound), (failure.ErrorId, failure.Category));
            Assert.Equal("Output Creation Preset not found.", failure.DetailsMessage);
            Assert.Equal("no-such-preset", failure.Exception.VendorError!.Details["parameter"]);
            Assert.Equal("no-such-preset", failure.TargetObject);
            Assert.Contains("Output Creation Preset not found.", failure.Exception.Message);
        }

        [Fact]
        public async System.Threading.Tasks.Task Status_404_for_an_unknown_job_names_that_job_in_the_message_details_advice_and_TargetObject()
        {
            await using var sim = await SimulatorServer.StartAsync();

            var failure = Assert.Single(OlConnectHarness.Submit(OlConnectHarness.PerCall(sim, OlConnectHarness.Admin(sim)), "1001", new[] { 1L, 99999L, 2L }).Failures);

            Assert.Equal((ErrorIds.NotFound, ErrorCategoryName.ObjectNotFound), (failure.ErrorId, failure.Category));
            Assert.Equal(new[] { 99999L }, Assert.IsType<long[]>(failure.TargetObject));
            Assert.StartsWith("Submitting output creation with preset '1001' failed: OL Connect does not know job 99999: POST ", failure.Exception.Message);
            Assert.Equal("Job entity not found (job 99999).", failure.DetailsMessage);
            Assert.Equal("99999", failure.Exception.VendorError!.Details["parameter"]);
            Assert.Contains("job 99999", failure.RecommendedAction);
            Assert.Contains("may name only the first job", failure.RecommendedAction);
            Assert.Empty(sim.State.OlConnect.Operations);
        }

        [Theory]
        [InlineData("{\"error\":{\"status\":404,\"message\":\"Job entity not found.\",\"parameter\":\"7, 8\"}}", new long[] { 7, 8 }, "jobs 7, 8")]
        [InlineData("{\"error\":{\"status\":404,\"message\":\"Job entity not found.\",\"parameter\":\"5\"}}", new long[] { 5 }, "job 5")]
        public async System.Threading.Tasks.Task Status_404_naming_several_jobs_or_a_job_equal_to_a_numeric_preset_names_the_jobs(string body, long[] expected, string named)
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.OlConnect.AddConfig("5");
            sim.Faults.Add(FaultAction.Status(404, body: body, contentType: "application/json"), method: "POST", pathPattern: "/jobs");

            var failure = Assert.Single(OlConnectHarness.Submit(OlConnectHarness.PerCall(sim, OlConnectHarness.Admin(sim)), "5", new[] { 5L, 7L, 8L }).Failures);

            Assert.Equal(expected, Assert.IsType<long[]>(failure.TargetObject));
            Assert.Contains("OL Connect does not know " + named + ":", failure.Exception.Message);
        }

        [Fact]
        public async System.Threading.Tasks.Task Status_404_without_a_parameter_keeps_the_preset_as_TargetObject()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.Status(404, body: "{\"error\":{\"status\":404,\"message\":\"Not found.\"}}", contentType: "application/json"), method: "POST", pathPattern: "/jobs");

            var failure = Assert.Single(OlConnectHarness.Submit(OlConnectHarness.PerCall(sim, OlConnectHarness.Admin(sim)), "1001", new[] { 1L }).Failures);

            Assert.Equal("1001", failure.TargetObject);
            Assert.Equal("Not found.", failure.DetailsMessage);
        }

        [Fact]
        public async System.Threading.Tasks.Task Status_500_for_an_invalid_identifier_list_is_a_ServerError_with_the_vendor_message()
        {
            await using var sim = await SimulatorServer.StartAsync();
            // The client never builds an invalid list, so the server's documented answer to one is replayed.
            sim.Faults.Add(FaultAction.Status(500, body: "{\"error\":{\"status\":500,\"message\":\"Invalid JSON Identifier List\",\"parameter\":\"\"}}", contentType: "application/json"), pathPattern: "/jobs$");

            var failure = Assert.Single(OlConnectHarness.Submit(OlConnectHarness.PerCall(sim, OlConnectHarness.Admin(sim)), "1001", new long[] { 1 }).Failures);

            Assert.Equal(ErrorIds.ServerError, failure.ErrorId);
            Assert.Equal(ErrorCategoryName.InvalidResult, failure.Category);
            Assert.Equal("Invalid JSON Identifier List", failure.DetailsMessage);
        }

        [Fact]
        public async System.Threading.Tasks.Task A_submission_is_not_retried_after_it_may_have_reached_the_server()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.Status(503, retryAfter: "0"), pathPattern: "/jobs$", times: 1);
            var request = OlConnectHarness.PerCall(sim, OlConnectHarness.Admin(sim));
            request.MaximumRetryCount = 3;

            var failure = Assert.Single(OlConnectHarness.Submit(request, "1001", new long[] { 1 }).Failures);

            Assert.Equal(ErrorIds.ServiceUnavailable, failure.ErrorId);
            Assert.Equal(ErrorCategoryName.ResourceUnavailable, failure.Category);
            Assert.Single(sim.Journal.For("/jobs"));
        }

        [Fact]
        public async System.Threading.Tasks.Task Accepted_without_an_operationId_header_is_a_clear_UnexpectedResponse()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.Status(202), pathPattern: "/jobs$");

            var failure = Assert.Single(OlConnectHarness.Submit(OlConnectHarness.PerCall(sim, OlConnectHarness.Admin(sim)), "1001", new long[] { 1 }).Failures);

            Assert.Equal(ErrorIds.UnexpectedResponse, failure.ErrorId);
            Assert.Contains("operationId", failure.Exception.Message);
        }

        [Fact]
        public async System.Threading.Tasks.Task WhatIf_sends_nothing_and_names_the_method_and_url()
        {
            await using var sim = await SimulatorServer.StartAsync();

            var output = OlConnectHarness.Submit(OlConnectHarness.PerCall(sim, OlConnectHarness.Admin(sim)), "1001", new long[] { 1, 2 }, approve: false);

            Assert.Empty(output.Objects);
            Assert.Empty(output.Failures);
            Assert.Equal(0, sim.Journal.Count);
            var call = Assert.Single(output.ShouldProcessCalls);
            Assert.Contains("POST " + new Uri(sim.BaseUri, SubmitPath.TrimStart('/')).AbsoluteUri, call.Action);
            Assert.Contains("2 jobs", call.Target);
        }

        [Fact]
        public async System.Threading.Tasks.Task Bad_job_ids_each_yield_a_record_and_the_good_ones_are_still_sent()
        {
            await using var sim = await SimulatorServer.StartAsync();

            var output = OlConnectHarness.Submit(OlConnectHarness.PerCall(sim, OlConnectHarness.Admin(sim)), "1001", new long[] { 0, 5, -3 });

            Assert.Equal(2, output.Failures.Count);
            Assert.All(output.Failures, f => Assert.Equal("JobId", ((InputValidationException)f.Exception).ParameterName));
            Assert.Equal(new long[] { 5 }, output.Single<OutputCreationOperation>().JobIds);
            Assert.Equal("{\"identifiers\":[5],\"createOnly\":true}", Assert.Single(sim.Journal.Snapshot()).Body);
        }

        [Theory]
        [InlineData("")]
        [InlineData("a/b")]
        [InlineData("..")]
        public async System.Threading.Tasks.Task A_bad_ConfigId_is_refused_before_any_request(string configId)
        {
            await using var sim = await SimulatorServer.StartAsync();

            var problem = Assert.Throws<InputValidationException>(() => OlConnectHarness.Submit(OlConnectHarness.PerCall(sim, OlConnectHarness.Admin(sim)), configId, new long[] { 1 }));

            Assert.Equal("ConfigId", problem.ParameterName);
            Assert.Equal(0, sim.Journal.Count);
        }

        [Fact]
        public async System.Threading.Tasks.Task Verbose_shows_method_url_status_and_elapsed_time_without_secrets()
        {
            await using var sim = await SimulatorServer.StartAsync();

            var output = OlConnectHarness.Submit(OlConnectHarness.PerCall(sim, OlConnectHarness.Admin(sim)), "1001", new long[] { 1 });

            var line = Assert.Single(output.Verbose);
            Assert.Matches("^POST http://127\\.0\\.0\\.1:\\d+/rest/serverengine/workflow/outputcreation/1001/jobs -> 202 \\(Accepted\\) in \\d+ ms$", line);
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(sim.Options.OlConnectUser + ":" + sim.Options.OlConnectPassword));
            Assert.DoesNotContain(output.AllText(), text => text.Contains(sim.Options.OlConnectPassword) || text.Contains(basic));
            Assert.Contains(output.Debug, d => d.Contains("Authorization: ***"));
        }
    }
}
