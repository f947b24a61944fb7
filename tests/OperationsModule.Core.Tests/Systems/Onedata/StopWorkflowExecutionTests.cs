using System;
using System.Linq;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Systems.Onedata;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;
using Xunit;
using static OperationsModule.Core.Tests.Systems.Shared.StopRun;

namespace OperationsModule.Core.Tests.Systems.Onedata
{
    /// <summary>Stop-WorkflowExecution's Core path against the simulated Oneprovider, one test per documented outcome.</summary>
    public sealed class StopWorkflowExecutionTests
    {
        private const string CancelPath = "/api/v3/oneprovider/automation/execution/workflows/";
        private static readonly WorkflowExecutionCancelEndpoint Endpoint = WorkflowExecutionCancelEndpoint.Instance;

        private static Core.Sessions.ConnectionRequest WithToken(SimulatorServer sim, string? token = null, Uri? baseUri = null) =>
            Connections.PerCall(OperationsSystem.Onedata, baseUri ?? sim.BaseUri, token: Connections.Secret(token ?? sim.Options.OnedataToken));

        private static string ErrorJson(string id, string description) =>
            "{\"error\":{\"id\":\"" + id + "\",\"description\":\"" + description + "\",\"details\":{\"hint\":\"x\"}}}";

        [Fact]
        public async Task Status204_yields_a_CancellationResult_and_sends_the_token_in_X_Auth_Token()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Onedata.AddExecution("wid-1");

            var output = Run(Endpoint, WithToken(sim), "wid-1");

            var result = output.Single<CancellationResult>();
            Assert.Empty(output.Failures);
            Assert.Equal((OperationsSystem.Onedata, "WorkflowExecution", "wid-1", "CancelRequested", 204), (result.System, result.Kind, result.Id, result.Status, result.StatusCode));
            Assert.Equal("cancelled", sim.State.Onedata.GetStatus("wid-1"));
            var request = Requests(sim, "POST", "/cancel").Single();
            Assert.Equal(CancelPath + "wid-1/cancel", request.Path);
            Assert.Equal(sim.Options.OnedataToken, request.Headers["X-Auth-Token"]);
            Assert.False(request.Headers.ContainsKey("Authorization"));
            Assert.Equal(string.Empty, request.Body);
            Assert.Contains(output.ShouldProcessCalls, c => c.Target == "wid-1" && c.Action.Contains("POST ") && c.Action.Contains(CancelPath + "wid-1/cancel"));
        }

        [Fact]
        public async Task A_BaseUri_that_already_ends_in_the_api_root_is_not_doubled_and_ids_are_escaped()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Onedata.AddExecution("a b+c");

            var output = Run(Endpoint, WithToken(sim, baseUri: new Uri(sim.BaseUri, "api/v3/oneprovider/")), "a b+c");

            Assert.True(output.Objects.Count == 1, string.Join(" | ", output.Failures.Select(f => f.Exception.Message)));
            Assert.Equal(CancelPath + "a%20b%2Bc/cancel", sim.Journal.Snapshot().Single().Path);
        }

        [Fact]
        public async Task Status400_badToken_is_Unauthorized_by_error_id_not_InvalidRequest_by_status()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Onedata.AddExecution("wid-1");

            var failure = SingleFailure(Run(Endpoint, WithToken(sim, "revoked-token"), "wid-1"));

            Assert.Equal(ErrorIds.Unauthorized, failure.ErrorId);
            Assert.Equal(ErrorCategoryName.AuthenticationError, failure.Category);
            Assert.Equal(400, failure.Exception.StatusCode);
            Assert.Equal("badToken", failure.Exception.VendorError!.Code);
            Assert.Contains("[badToken]", failure.Exception.Message);
            Assert.Equal("Provided token could not be understood by the server.", failure.DetailsMessage);
            Assert.Contains("Onezone", failure.RecommendedAction);
            Assert.Equal("wid-1", failure.TargetObject);
            Assert.DoesNotContain(output_text(failure), t => t.Contains("revoked-token"));
        }

        private static string[] output_text(Failure f) => new[] { f.ToString(), f.DetailsMessage, f.RecommendedAction ?? "", f.Exception.ToString() };

        [Theory]
        [InlineData("tokenInvalid")]
        [InlineData("tokenRevoked")]
        [InlineData("notAnAccessToken")]
        public async Task Other_token_error_ids_on_400_are_Unauthorized_too(string id)
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.Status(400, body: ErrorJson(id, "Token problem.")), method: "POST");

            var failure = SingleFailure(Run(Endpoint, WithToken(sim), "wid-1"));

            Assert.Equal((ErrorIds.Unauthorized, ErrorCategoryName.AuthenticationError), (failure.ErrorId, failure.Category));
            Assert.Equal(id, failure.Exception.VendorError!.Code);
        }

        [Fact]
        public async Task Status400_atmWorkflowExecutionEnded_after_a_second_cancel_is_Conflict()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Onedata.AddExecution("wid-1", "finished");

            var failure = SingleFailure(Run(Endpoint, WithToken(sim), "wid-1"));

            Assert.Equal((ErrorIds.Conflict, ErrorCategoryName.ResourceBusy), (failure.ErrorId, failure.Category));
            Assert.Equal(400, failure.Exception.StatusCode);
            Assert.Equal("atmWorkflowExecutionEnded", failure.Exception.VendorError!.Code);
            Assert.Equal("Automation workflow execution has already ended.", failure.DetailsMessage);
            Assert.Contains("nothing left to cancel", failure.RecommendedAction);
            Assert.Equal("opw", failure.Exception.VendorError.Details["ctx.service"]);
            Assert.Equal("25.0", failure.Exception.VendorError.Details["ctx.serviceReleaseVersion"]);
        }

        [Theory]
        [InlineData("atmWorkflowExecutionStopping")]
        [InlineData("atmWorkflowExecutionStopped")]
        public async Task Status400_stopping_and_stopped_are_Conflict(string id)
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.Status(400, body: ErrorJson(id, "Execution is stopping.")), method: "POST");

            var failure = SingleFailure(Run(Endpoint, WithToken(sim), "wid-1"));

            Assert.Equal((ErrorIds.Conflict, ErrorCategoryName.ResourceBusy), (failure.ErrorId, failure.Category));
            Assert.Equal("Execution is stopping.", failure.DetailsMessage);
            Assert.Equal("x", failure.Exception.VendorError!.Details["details.hint"]);
        }

        [Fact]
        public async Task Status400_with_another_error_id_stays_InvalidRequest()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.Status(400, body: ErrorJson("badValueIdentifier", "Bad value: provided identifier is not valid.")), method: "POST");

            var failure = SingleFailure(Run(Endpoint, WithToken(sim), "wid-1"));

            Assert.Equal((ErrorIds.InvalidRequest, ErrorCategoryName.InvalidArgument), (failure.ErrorId, failure.Category));
            Assert.Equal("Bad value: provided identifier is not valid.", failure.DetailsMessage);
            Assert.Equal(StatusClassifier.Advice(400), failure.RecommendedAction);
        }

        [Fact]
        public async Task Status403_forbidden_is_Forbidden_PermissionDenied()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Onedata.AddExecution("wid-1");

            var failure = SingleFailure(Run(Endpoint, WithToken(sim, sim.Options.OnedataForbiddenToken), "wid-1"));

            Assert.Equal((ErrorIds.Forbidden, ErrorCategoryName.PermissionDenied), (failure.ErrorId, failure.Category));
            Assert.Equal("forbidden", failure.Exception.VendorError!.Code);
            Assert.StartsWith("You are not authorized", failure.DetailsMessage);
            Assert.Equal("active", sim.State.Onedata.GetStatus("wid-1"));
        }

        [Fact]
        public async Task Status404_notFound_is_NotFound_ObjectNotFound()
        {
            await using var sim = await SimulatorServer.StartAsync();

            var failure = SingleFailure(Run(Endpoint, WithToken(sim), "no-such-wid"));

            Assert.Equal((ErrorIds.NotFound, ErrorCategoryName.ObjectNotFound), (failure.ErrorId, failure.Category));
            Assert.Equal("notFound", failure.Exception.VendorError!.Code);
            Assert.Equal("The resource could not be found.", failure.DetailsMessage);
            Assert.Equal(StatusClassifier.Advice(404), failure.RecommendedAction);
            Assert.Contains("404", failure.Exception.Message);
        }

        [Fact]
        public async Task Status500_internalServerError_is_ServerError_InvalidResult()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.Status(500, body: ErrorJson("internalServerError", "The server has encountered an error while processing this request.")), method: "POST");

            var failure = SingleFailure(Run(Endpoint, WithToken(sim), "wid-1"));

            Assert.Equal((ErrorIds.ServerError, ErrorCategoryName.InvalidResult), (failure.ErrorId, failure.Category));
            Assert.Equal("internalServerError", failure.Exception.VendorError!.Code);
            Assert.StartsWith("The server has encountered", failure.DetailsMessage);
        }

        [Fact]
        public async Task Status401_without_credentials_is_Unauthorized()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.Status(401, body: ErrorJson("unauthorized", "You must authenticate yourself to perform this operation.")), method: "POST");

            var failure = SingleFailure(Run(Endpoint, WithToken(sim), "wid-1"));

            Assert.Equal((ErrorIds.Unauthorized, ErrorCategoryName.AuthenticationError), (failure.ErrorId, failure.Category));
            Assert.Single(sim.Journal.Snapshot()); // a fixed token cannot be renewed: no second attempt
        }

        [Fact]
        public async Task An_HTML_error_page_gives_a_readable_ServerError()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.HtmlError(502), method: "POST");

            var failure = SingleFailure(Run(Endpoint, WithToken(sim), "wid-1"));

            Assert.Equal((ErrorIds.ServerError, ErrorCategoryName.InvalidResult), (failure.ErrorId, failure.Category));
            Assert.Contains("502 Bad Gateway", failure.DetailsMessage);
            Assert.Contains("HTML page", failure.Exception.Message);
        }

        [Fact]
        public async Task An_undocumented_200_with_a_login_page_is_UnexpectedStatus_not_success()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.Status(200, body: "<html><title>Sign in</title></html>", contentType: "text/html"), method: "POST");

            var failure = SingleFailure(Run(Endpoint, WithToken(sim), "wid-1"));

            Assert.Equal((ErrorIds.UnexpectedStatus, ErrorCategoryName.InvalidResult), (failure.ErrorId, failure.Category));
            Assert.Equal("Sign in", failure.DetailsMessage);
        }

        [Fact]
        public async Task A_credential_is_refused_before_any_request_naming_Credential()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var request = Connections.PerCall(OperationsSystem.Onedata, sim.BaseUri, credential: Connections.Credential("user", "pw"));

            var error = Assert.Throws<InputValidationException>(() => Run(Endpoint, request, "wid-1"));

            Assert.Equal("Credential", error.ParameterName);
            Assert.Empty(sim.Journal.Snapshot());
        }

        [Theory]
        [InlineData("")]
        [InlineData("..")]
        [InlineData("a/b")]
        public async Task Bad_execution_ids_fail_naming_ExecutionId_without_a_request(string id)
        {
            await using var sim = await SimulatorServer.StartAsync();

            var failure = SingleFailure(Run(Endpoint, WithToken(sim), id));

            Assert.Equal(ErrorIds.InvalidParameter, failure.ErrorId);
            Assert.Equal("ExecutionId", Assert.IsType<InputValidationException>(failure.Exception).ParameterName);
            Assert.Empty(sim.Journal.Snapshot());
        }

        [Fact]
        public async Task Every_piped_id_yields_exactly_one_result_or_one_error()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var ids = Enumerable.Range(1, 12).Select(i => "wid-" + i).ToArray();
            sim.State.Onedata.AddExecutions(ids.Take(8));
            sim.State.Onedata.AddExecution("wid-9", "failed");

            var output = Run(Endpoint, WithToken(sim), ids);

            Assert.Equal(8, output.Objects.Count);
            Assert.Equal(4, output.Failures.Count);
            Assert.Equal(ids.OrderBy(i => i), output.Objects.Cast<CancellationResult>().Select(r => r.Id).Concat(output.Failures.Select(f => (string)f.TargetObject!)).OrderBy(i => i));
            Assert.Equal(ErrorIds.Conflict, output.Failures.Single(f => (string)f.TargetObject! == "wid-9").ErrorId);
        }
    }
}
