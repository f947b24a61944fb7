using System;
using System.Linq;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.Core.Tests.Systems.OLConnect
{
    public sealed class StopOutputCreationTests
    {
        private const string CancelPrefix = "/rest/serverengine/workflow/outputcreation/cancel/";

        [Fact]
        public async System.Threading.Tasks.Task Status_204_becomes_a_CancellationResult_and_the_operation_is_cancelled()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var operation = sim.State.OlConnect.AddOperation();

            var output = OlConnectHarness.Stop(OlConnectHarness.PerCall(sim, OlConnectHarness.Admin(sim)), new[] { operation.Id });

            Assert.Empty(output.Failures);
            var result = output.Single<CancellationResult>();
            Assert.Equal(OperationsSystem.OLConnect, result.System);
            Assert.Equal("OutputCreationOperation", result.Kind);
            Assert.Equal(operation.Id, result.Id);
            Assert.Equal("CancelRequested", result.Status);
            Assert.Equal(204, result.StatusCode);
            Assert.Equal(sim.BaseUri, result.Server);
            Assert.True(sim.State.OlConnect.GetOperation(operation.Id)!.Cancelled);
            var request = Assert.Single(sim.Journal.Snapshot());
            Assert.Equal("POST", request.Method);
            Assert.Equal(CancelPrefix + operation.Id, request.Path);
            Assert.Equal(string.Empty, request.Body);
        }

        [Fact]
        public async System.Threading.Tasks.Task Status_404_for_an_unknown_operation_is_ObjectNotFound_with_the_id_as_target()
        {
            await using var sim = await SimulatorServer.StartAsync();

            var failure = Assert.Single(OlConnectHarness.Stop(OlConnectHarness.PerCall(sim, OlConnectHarness.Admin(sim)), new[] { "no-such-op" }).Failures);

            Assert.Equal(ErrorIds.NotFound, failure.ErrorId);
            Assert.Equal(ErrorCategoryName.ObjectNotFound, failure.Category);
            Assert.Equal("no-such-op", failure.TargetObject);
            Assert.Equal("Operation not found.", failure.DetailsMessage);
            Assert.Equal("no-such-op", failure.Exception.VendorError!.Details["parameter"]);
            Assert.Equal("POST", failure.Exception.Method);
            Assert.Equal(new Uri(sim.BaseUri, CancelPrefix.TrimStart('/') + "no-such-op"), failure.Exception.RequestUri);
            Assert.Contains("{\"error\"", failure.Exception.RawBody);
        }

        [Fact]
        public async System.Threading.Tasks.Task Status_401_without_credentials_on_a_secured_server()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var operation = sim.State.OlConnect.AddOperation();

            var failure = Assert.Single(OlConnectHarness.Stop(OlConnectHarness.PerCall(sim), new[] { operation.Id }).Failures);

            Assert.Equal(ErrorIds.Unauthorized, failure.ErrorId);
            Assert.Equal(ErrorCategoryName.AuthenticationError, failure.Category);
            Assert.False(sim.State.OlConnect.GetOperation(operation.Id)!.Cancelled);
        }

        [Fact]
        public async System.Threading.Tasks.Task Status_403_for_a_viewer()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var operation = sim.State.OlConnect.AddOperation();

            var failure = Assert.Single(OlConnectHarness.Stop(OlConnectHarness.PerCall(sim, OlConnectHarness.Viewer(sim)), new[] { operation.Id }).Failures);

            Assert.Equal(ErrorIds.Forbidden, failure.ErrorId);
            Assert.Equal(ErrorCategoryName.PermissionDenied, failure.Category);
        }

        [Fact]
        public async System.Threading.Tasks.Task Every_piped_id_yields_exactly_one_result_or_one_record()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var good = Enumerable.Range(0, 20).Select(_ => sim.State.OlConnect.AddOperation().Id).ToList();
            var input = good.Concat(new[] { "missing-1", "", "a/b", null, "missing-2" }).ToList();

            var output = OlConnectHarness.Stop(OlConnectHarness.PerCall(sim, OlConnectHarness.Admin(sim)), input, throttle: 8);

            Assert.Equal(good.OrderBy(x => x), output.Objects.Cast<CancellationResult>().Select(r => r.Id).OrderBy(x => x));
            Assert.Equal(5, output.Failures.Count);
            Assert.Equal(new[] { "missing-1", "missing-2" }, output.Failures.Where(f => f.ErrorId == ErrorIds.NotFound).Select(f => (string)f.TargetObject!).OrderBy(x => x));
            Assert.Equal(3, output.Failures.Count(f => f.ErrorId == ErrorIds.InvalidParameter));
            Assert.Equal(22, sim.Journal.Count);
            Assert.Equal(0, output.WritesOffPipelineThread);
        }

        [Fact]
        public async System.Threading.Tasks.Task WhatIf_names_method_and_url_and_sends_nothing()
        {
            await using var sim = await SimulatorServer.StartAsync();

            var output = OlConnectHarness.Stop(OlConnectHarness.PerCall(sim, OlConnectHarness.Admin(sim)), new[] { "op 1" }, approve: false);

            Assert.Empty(output.Objects);
            Assert.Equal(0, sim.Journal.Count);
            var call = Assert.Single(output.ShouldProcessCalls);
            Assert.Equal("op 1", call.Target);
            Assert.Equal($"Cancel OLConnect OutputCreationOperation (POST {sim.BaseUri}rest/serverengine/workflow/outputcreation/cancel/op%201)", call.Action);
        }

        [Fact]
        public async System.Threading.Tasks.Task Submit_then_stop_through_the_session_the_operation_carries()
        {
            await using var sim = await SimulatorServer.StartAsync();
            using var session = SessionResolver.CreateSession(OlConnectHarness.PerCall(sim, OlConnectHarness.Admin(sim)), persistent: true);
            var submitted = OlConnectHarness.Submit(new ConnectionRequest(OperationsSystem.OLConnect) { Session = session }, "1001", new long[] { 1 }).Single<OutputCreationOperation>();
            Assert.Same(session, submitted.Session);

            // Stop-OutputCreation given nothing but the piped object: its Session binds by property name.
            var output = OlConnectHarness.Stop(new ConnectionRequest(OperationsSystem.OLConnect), new[] { submitted.OperationId }, piped: submitted.Session);

            Assert.Equal(submitted.OperationId, output.Single<CancellationResult>().Id);
            Assert.True(sim.State.OlConnect.GetOperation(submitted.OperationId)!.Cancelled);
            // A lasting session logs in once and sends the token afterwards, not the password.
            Assert.Single(sim.Journal.For("/authentication/login"));
            Assert.All(sim.Journal.Snapshot().Where(r => !r.Path.EndsWith("/login")), r => Assert.True(r.Headers.ContainsKey("auth_token")));
        }

        [Fact]
        public async System.Threading.Tasks.Task No_session_at_all_names_the_command_to_run()
        {
            var problem = Assert.Throws<OperationsApiException>(() => OlConnectHarness.Stop(new ConnectionRequest(OperationsSystem.OLConnect), new[] { "x" }));

            Assert.Equal(ErrorIds.NoSession, problem.ErrorId);
            Assert.Contains("Connect-OperationsServer -System OLConnect", problem.Message);
        }

        /// <summary>The advice names the server a piped object carries, not https://server:9340, and the commands as imported.</summary>
        [Fact]
        public void No_session_names_the_piped_objects_server_and_the_prefixed_commands()
        {
            var request = new ConnectionRequest(OperationsSystem.OLConnect) { Names = new CommandNames("Stop-OpsOutputCreation", "Ops") };
            using var plan = new ConnectionPlan(request, new SessionStore());

            var problem = Assert.Throws<OperationsApiException>(() => plan.For(null, new Uri("https://olc.example.org:9341/")));

            Assert.Equal(ErrorIds.NoSession, problem.ErrorId);
            Assert.Contains("The piped object names its server, https://olc.example.org:9341/: pass -Credential or -Token to Stop-OpsOutputCreation", problem.Message);
            Assert.Equal("Connect-OpsOperationsServer -System OLConnect -BaseUri https://olc.example.org:9341/ -Credential (Get-Credential)", problem.RecommendedAction);
            Assert.DoesNotContain("server:9340", problem.Message);
        }

        [Fact]
        public void No_session_and_no_known_server_suggests_the_systems_usual_address()
        {
            using var plan = new ConnectionPlan(new ConnectionRequest(OperationsSystem.OLConnect), new SessionStore());

            var problem = Assert.Throws<OperationsApiException>(() => plan.For(null));

            Assert.Equal("There is no OLConnect session. Run 'Connect-OperationsServer -System OLConnect -BaseUri https://server:9340 -Credential (Get-Credential)' first, or pass -BaseUri with -Credential or -Token to this command.", problem.Message);
        }

        [Fact]
        public async System.Threading.Tasks.Task Connection_refused_is_a_ConnectionError_record_per_item()
        {
            var closedPort = ClosedPort.Take();
            var request = Connections.PerCall(OperationsSystem.OLConnect, new Uri($"http://127.0.0.1:{closedPort}/"));

            var output = OlConnectHarness.Stop(request, new[] { "a", "b" });

            Assert.Equal(2, output.Failures.Count);
            Assert.All(output.Failures, f =>
            {
                Assert.Equal(ErrorIds.ConnectionFailed, f.ErrorId);
                Assert.Equal(ErrorCategoryName.ConnectionError, f.Category);
            });
            // Verbose accounts for the attempt even though no status came back.
            Assert.Equal(2, output.Verbose.Count(v => System.Text.RegularExpressions.Regex.IsMatch(v, $"^POST http://127\\.0\\.0\\.1:{closedPort}/rest/serverengine/workflow/outputcreation/cancel/[ab] -> ConnectionFailed after \\d+ ms$")));
            await System.Threading.Tasks.Task.CompletedTask;
        }

        [Theory]
        [InlineData("html", 502, ErrorIds.ServerError, "Bad Gateway")]
        [InlineData("empty", 500, ErrorIds.ServerError, "empty body")]
        [InlineData("malformed", 500, ErrorIds.ServerError, "500")]
        [InlineData("array", 400, ErrorIds.InvalidRequest, "400")]
        [InlineData("teapot", 418, ErrorIds.UnexpectedStatus, "418")]
        [InlineData("plain401", 401, ErrorIds.Unauthorized, "Error message: token expired")]
        public async System.Threading.Tasks.Task Odd_error_bodies_still_yield_one_clear_record(string kind, int status, string errorId, string mentioned)
        {
            await using var sim = await SimulatorServer.StartAsync();
            var fault = kind switch
            {
                "html" => FaultAction.HtmlError(status),
                "empty" => FaultAction.Status(status),
                "malformed" => FaultAction.MalformedJson(status),
                "array" => FaultAction.NotAnObjectJson(status),
                "plain401" => FaultAction.Status(status, body: "Error message: token expired", contentType: "text/plain"),
                _ => FaultAction.Status(status, body: "{\"error\":{}}", contentType: "application/json"),
            };
            sim.Faults.Add(fault, pathPattern: "/cancel/");

            var failure = Assert.Single(OlConnectHarness.Stop(OlConnectHarness.PerCall(sim, OlConnectHarness.Admin(sim)), new[] { "op" }).Failures);

            Assert.Equal(errorId, failure.ErrorId);
            Assert.Equal(status, failure.Exception.StatusCode);
            Assert.Contains(mentioned, failure.Exception.Message + " " + failure.DetailsMessage);
            Assert.False(string.IsNullOrWhiteSpace(failure.RecommendedAction));
        }
    }
}
