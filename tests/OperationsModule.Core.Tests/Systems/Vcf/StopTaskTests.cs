using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.Vcf;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;
using Xunit;
using static OperationsModule.Core.Tests.Systems.Shared.StopRun;

namespace OperationsModule.Core.Tests.Systems.Vcf
{
    /// <summary>Stop-Task's Core path against the simulated SDDC Manager: statuses and error bodies.</summary>
    public sealed class StopTaskTests
    {
        internal static readonly TaskCancelEndpoint Endpoint = TaskCancelEndpoint.Instance;

        internal static ConnectionRequest WithLogin(SimulatorServer sim, string? password = null) =>
            Connections.PerCall(OperationsSystem.Vcf, sim.BaseUri, credential: Connections.Credential(sim.Options.VcfUser, password ?? sim.Options.VcfPassword));

        internal static async Task<string> AccessTokenAsync(SimulatorServer sim)
        {
            using var http = Simulator.SimTestClient.For(sim);
            return await Simulator.SimTestClient.VcfTokenAsync(http, sim);
        }

        private static string VcfError(string code, string message, string remediation, string reference) =>
            "{\"errorCode\":\"" + code + "\",\"errorType\":\"ERROR\",\"message\":\"" + message + "\",\"remediationMessage\":\"" + remediation + "\"," +
            "\"arguments\":[\"a1\"],\"causes\":[{\"type\":\"java.lang.IllegalStateException\",\"message\":\"boom\"}],\"context\":{\"node\":\"sddc-1\"}," +
            "\"nestedErrors\":[{\"errorCode\":\"INNER\",\"message\":\"inner failure\",\"nestedErrors\":[{\"errorCode\":\"DEEPER\",\"message\":\"root cause\"}]}]," +
            "\"referenceToken\":\"" + reference + "\"}";

        [Fact]
        public async Task Status200_with_an_empty_body_yields_a_CancellationResult_and_sends_Bearer()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Vcf.AddTask("7e1c2eee-3177-4e3b-84db-bfebc83f386a");
            var token = await AccessTokenAsync(sim);
            sim.Journal.Clear();

            var output = Run(Endpoint, Connections.PerCall(OperationsSystem.Vcf, sim.BaseUri, token: Connections.Secret(token)), "7e1c2eee-3177-4e3b-84db-bfebc83f386a");

            var result = output.Single<CancellationResult>();
            Assert.Equal((OperationsSystem.Vcf, "Task", 200, "CancelRequested"), (result.System, result.Kind, result.StatusCode, result.Status));
            Assert.Equal("CANCELLED", sim.State.Vcf.GetStatus("7e1c2eee-3177-4e3b-84db-bfebc83f386a"));
            var request = sim.Journal.Snapshot().Single();
            Assert.Equal(("DELETE", "/v1/tasks/7e1c2eee-3177-4e3b-84db-bfebc83f386a"), (request.Method, request.Path));
            Assert.Equal("Bearer " + token, request.Headers["Authorization"]);
            Assert.Equal("application/json", request.Headers["Accept"]);
            Assert.DoesNotContain(output.AllText(), t => t.Contains(token));
        }

        [Fact]
        public async Task Status404_is_NotFound_with_the_VCF_error_fields()
        {
            await using var sim = await SimulatorServer.StartAsync();

            var failure = SingleFailure(Run(Endpoint, WithLogin(sim), "missing-task"));

            Assert.Equal((ErrorIds.NotFound, ErrorCategoryName.ObjectNotFound), (failure.ErrorId, failure.Category));
            var vendor = failure.Exception.VendorError!;
            Assert.Equal("TASK_NOT_FOUND", vendor.Code);
            Assert.Equal("Task with id missing-task not found.", failure.DetailsMessage);
            Assert.Equal("Check the task id.", failure.RecommendedAction);
            Assert.Equal(6, failure.Exception.CorrelationId!.Length);
            Assert.Equal(failure.Exception.CorrelationId, vendor.CorrelationId);
            Assert.Equal("ERROR", vendor.Details["errorType"]);
            Assert.Equal("missing-task", vendor.Details["arguments"]);
            Assert.Contains("TASK_NOT_FOUND: Task with id missing-task not found.", vendor.Details["causes"]);
            Assert.Contains("[TASK_NOT_FOUND]", failure.Exception.Message);
        }

        [Theory]
        [InlineData("CANCELLED")]
        [InlineData("Successful")]
        [InlineData("FAILED")]
        public async Task Status409_for_a_task_that_is_not_in_progress_is_Conflict(string status)
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Vcf.AddTask("t-1", status);

            var failure = SingleFailure(Run(Endpoint, WithLogin(sim), "t-1"));

            Assert.Equal((ErrorIds.Conflict, ErrorCategoryName.ResourceBusy), (failure.ErrorId, failure.Category));
            Assert.Equal(409, failure.Exception.StatusCode);
            Assert.Equal("TASK_CANNOT_BE_CANCELLED", failure.Exception.VendorError!.Code);
            Assert.Contains("only an IN_PROGRESS task can be cancelled", failure.DetailsMessage);
            Assert.Equal("Check the task status before cancelling.", failure.RecommendedAction);
        }

        [Fact]
        public async Task Cancelling_twice_gives_one_result_then_Conflict()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Vcf.AddTask("t-1");

            var first = Run(Endpoint, WithLogin(sim), "t-1");
            var second = Run(Endpoint, WithLogin(sim), "t-1");

            Assert.Single(first.Objects);
            Assert.Equal(ErrorIds.Conflict, SingleFailure(second).ErrorId);
        }

        [Fact]
        public async Task Status500_keeps_remediation_reference_token_causes_and_nested_errors()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.Status(500, body: VcfError("TASK_CANCEL_FAILED", "Failed to cancel the task.", "Retry, then contact support with the reference token.", "ABC123"), contentType: "*/*"), method: "DELETE");

            var failure = SingleFailure(Run(Endpoint, WithLogin(sim), "t-1"));

            Assert.Equal((ErrorIds.ServerError, ErrorCategoryName.InvalidResult), (failure.ErrorId, failure.Category));
            var vendor = failure.Exception.VendorError!;
            Assert.Equal("Failed to cancel the task.", failure.DetailsMessage);
            Assert.Equal("Retry, then contact support with the reference token.", failure.RecommendedAction);
            Assert.Equal("ABC123", failure.Exception.CorrelationId);
            Assert.Equal("java.lang.IllegalStateException: boom", vendor.Details["causes"]);
            Assert.Equal("INNER: inner failure" + Environment.NewLine + "  DEEPER: root cause", vendor.Details["nestedErrors"]);
            Assert.Equal("{\"node\":\"sddc-1\"}", vendor.Details["context"]);
            Assert.Equal("a1", vendor.Details["arguments"]);
        }

        [Fact]
        public async Task Status401_from_a_given_token_is_Unauthorized_and_is_not_retried()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Vcf.AddTask("t-1");

            var failure = SingleFailure(Run(Endpoint, Connections.PerCall(OperationsSystem.Vcf, sim.BaseUri, token: Connections.Secret("not-a-valid-token")), "t-1"));

            Assert.Equal((ErrorIds.Unauthorized, ErrorCategoryName.AuthenticationError), (failure.ErrorId, failure.Category));
            Assert.Equal("Unauthorized", failure.Exception.VendorError!.Code);
            Assert.Equal("Authorization Header is missing or not in correct format", failure.DetailsMessage);
            Assert.Equal(new[] { "DELETE /v1/tasks/t-1" }, Sequence(sim));
        }

        [Fact]
        public async Task A_wrong_password_fails_the_login_as_Unauthorized_and_sends_no_cancel()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Vcf.AddTask("t-1");

            var failure = SingleFailure(Run(Endpoint, WithLogin(sim, "wrong-password"), "t-1"));

            Assert.Equal((ErrorIds.Unauthorized, ErrorCategoryName.AuthenticationError), (failure.ErrorId, failure.Category));
            Assert.StartsWith("Logging in to SDDC Manager as administrator@vsphere.local failed", failure.Exception.Message);
            Assert.Equal("AUTHENTICATION_FAILED", failure.Exception.VendorError!.Code);
            Assert.Equal(new[] { "POST /v1/tokens" }, Sequence(sim));
            Assert.Equal("IN_PROGRESS", sim.State.Vcf.GetStatus("t-1"));
            Assert.DoesNotContain(failure.Exception.ToString(), "wrong-password");
        }

        [Fact]
        public async Task An_HTML_page_from_a_proxy_gives_a_readable_error()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.HtmlError(503), method: "DELETE");

            var failure = SingleFailure(Run(Endpoint, WithLogin(sim), "t-1"));

            Assert.Equal((ErrorIds.ServiceUnavailable, ErrorCategoryName.ResourceUnavailable), (failure.ErrorId, failure.Category));
            Assert.Equal("503 Service Unavailable", failure.DetailsMessage);
            Assert.Null(failure.Exception.VendorError!.Code);
        }

        [Fact]
        public async Task An_undocumented_status_is_UnexpectedStatus()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.Status(202, body: "accepted"), method: "DELETE");

            var failure = SingleFailure(Run(Endpoint, WithLogin(sim), "t-1"));

            Assert.Equal((ErrorIds.UnexpectedStatus, ErrorCategoryName.InvalidResult), (failure.ErrorId, failure.Category));
            Assert.Equal(202, failure.Exception.StatusCode);
        }

        [Fact]
        public async Task Neither_credential_nor_token_is_refused_before_any_request()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var request = Connections.PerCall(OperationsSystem.Vcf, sim.BaseUri);

            var error = Assert.Throws<InputValidationException>(() => Run(Endpoint, request, "t-1"));

            Assert.Equal("Credential", error.ParameterName);
            Assert.Empty(sim.Journal.Snapshot());
        }
    }
}
