using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.Onedata;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Core.Tests.Simulator;
using OperationsModule.Simulator;
using Xunit;
using static OperationsModule.Core.Tests.Systems.Shared.StopRun;

namespace OperationsModule.Core.Tests.Systems.Onedata
{
    /// <summary>
    /// Oneprovider answers errors nested ({"error":{"id","description"}}, op-worker 20.02+) or flat
    /// ({"error","error_description"}, the published spec). Every documented status, in both shapes, gives the same failure.
    /// </summary>
    public sealed class OnedataErrorShapeTests
    {
        private static readonly WorkflowExecutionCancelEndpoint Endpoint = WorkflowExecutionCancelEndpoint.Instance;

        private static ConnectionRequest WithToken(SimulatorServer sim, string? token = null) =>
            Connections.PerCall(OperationsSystem.Onedata, sim.BaseUri, token: Connections.Secret(token ?? sim.Options.OnedataToken));

        private static OperationsSession? Connect(SimulatorServer sim, string? token = null) =>
            ConnectCommand.Connect(WithToken(sim, token), new ConnectOptions(), new SessionStore(), new RecordingOutput(), CancellationToken.None);

        /// <summary>One way to meet each status: name, expected classification, the id the server uses and its words.</summary>
        public sealed record Case(string Name, int Status, string ErrorId, string Category, string Id, string Description, bool RecommendsNewToken = false);

        public static readonly Case[] Cases =
        {
            new("400 bad token", 400, ErrorIds.Unauthorized, ErrorCategoryName.AuthenticationError, "badToken", "Provided token could not be understood by the server.", RecommendsNewToken: true),
            new("400 execution ended", 400, ErrorIds.Conflict, ErrorCategoryName.ResourceBusy, "atmWorkflowExecutionEnded", "Automation workflow execution has already ended."),
            new("401 no credentials", 401, ErrorIds.Unauthorized, ErrorCategoryName.AuthenticationError, "unauthorized", "You must authenticate yourself to perform this operation.", RecommendsNewToken: true),
            new("403 forbidden", 403, ErrorIds.Forbidden, ErrorCategoryName.PermissionDenied, "forbidden", "You are not authorized to perform this operation (insufficient privileges?)."),
            new("404 not found", 404, ErrorIds.NotFound, ErrorCategoryName.ObjectNotFound, "notFound", "The resource could not be found."),
            new("500 internal error", 500, ErrorIds.ServerError, ErrorCategoryName.InvalidResult, "internalServerError", "The server has encountered an error while processing this request."),
        };

        public static IEnumerable<object[]> ShapesAndCases() =>
            from shape in new[] { OnedataErrorShape.Nested, OnedataErrorShape.Flat }
            from c in Cases
            select new object[] { shape, c.Name };

        /// <summary>The simulator's own answer where it has one (bad token, ended, forbidden, unknown id); a fault with its body otherwise.</summary>
        private static async Task<Failure> ProvokeAsync(SimulatorServer sim, OnedataErrorShape shape, Case c)
        {
            await SimSwitches.OnedataShapeAsync(sim, shape);
            var token = sim.Options.OnedataToken;
            var wid = "wid-1";
            switch (c.Name)
            {
                case "400 bad token": token = "revoked-token"; sim.State.Onedata.AddExecution(wid); break;
                case "400 execution ended": sim.State.Onedata.AddExecution(wid, "finished"); break;
                case "403 forbidden": token = sim.Options.OnedataForbiddenToken; sim.State.Onedata.AddExecution(wid); break;
                case "404 not found": break;
                default: sim.Faults.Add(FaultAction.Status(c.Status, body: OnedataErrorBody.Json(shape, c.Id, c.Description)), method: "POST"); break;
            }
            return SingleFailure(Run(Endpoint, WithToken(sim, token), wid));
        }

        [Theory]
        [MemberData(nameof(ShapesAndCases))]
        public async Task Every_documented_status_in_either_shape_keeps_the_vendor_code_and_words(OnedataErrorShape shape, string caseName)
        {
            var c = Cases.Single(x => x.Name == caseName);
            await using var sim = await SimulatorServer.StartAsync();

            var failure = await ProvokeAsync(sim, shape, c);

            var code = shape == OnedataErrorShape.Flat ? OnedataErrorBody.FlatCode(c.Id) : c.Id;
            Assert.Equal((c.Status, c.ErrorId, c.Category), (failure.Exception.StatusCode, failure.ErrorId, failure.Category));
            Assert.Equal(code, failure.Exception.VendorError!.Code);
            Assert.Equal(c.Description, failure.DetailsMessage);
            Assert.Contains("[" + code + "]", failure.Exception.Message);
            Assert.Equal("wid-1", failure.TargetObject);
            if (c.RecommendsNewToken) Assert.Contains("Onezone", failure.RecommendedAction);
        }

        [Theory]
        [MemberData(nameof(CaseNames))]
        public async Task Both_shapes_give_the_same_record_but_for_the_code_spelling(string caseName)
        {
            var c = Cases.Single(x => x.Name == caseName);
            await using var nestedSim = await SimulatorServer.StartAsync();
            await using var flatSim = await SimulatorServer.StartAsync();

            var nested = await ProvokeAsync(nestedSim, OnedataErrorShape.Nested, c);
            var flat = await ProvokeAsync(flatSim, OnedataErrorShape.Flat, c);

            Assert.Equal((nested.ErrorId, nested.Category, nested.DetailsMessage), (flat.ErrorId, flat.Category, flat.DetailsMessage));
            Assert.Equal(nested.RecommendedAction!.Replace(c.Id, "ID"), flat.RecommendedAction!.Replace(OnedataErrorBody.FlatCode(c.Id), "ID"));
        }

        public static IEnumerable<object[]> CaseNames() => Cases.Select(c => new object[] { c.Name });

        [Theory]
        [InlineData("{\"error\":\"invalid_token\",\"error_description\":\"Provided token could not be validated.\"}", "invalid_token")]
        [InlineData("{\"error\":\"expired_token\",\"error_description\":\"Token expired.\"}", "expired_token")]
        [InlineData("{\"error\":\"token_revoked\",\"error_description\":\"Token revoked.\"}", "token_revoked")]
        [InlineData("{\"error\":\"bad_token\",\"error_description\":\"Bad token.\"}", "bad_token")]
        [InlineData("{\"error\":{\"id\":\"invalid_token\",\"description\":\"Token problem.\"}}", "invalid_token")]
        [InlineData("{\"error\":{\"id\":\"tokenCaveatUnverified\",\"description\":\"Token problem.\"}}", "tokenCaveatUnverified")]
        public async Task The_spec_example_invalid_token_and_its_kin_are_Unauthorized_in_either_shape(string body, string code)
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.Status(400, body: body), method: "POST");

            var failure = SingleFailure(Run(Endpoint, WithToken(sim), "wid-1"));

            Assert.Equal((ErrorIds.Unauthorized, ErrorCategoryName.AuthenticationError), (failure.ErrorId, failure.Category));
            Assert.Equal(code, failure.Exception.VendorError!.Code);
            Assert.Contains("Onezone", failure.RecommendedAction);
        }

        [Fact]
        public async Task A_flat_body_keeps_fields_beyond_the_spec_as_details()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.Status(400, body: "{\"error\":\"bad_value\",\"error_description\":\"Bad value.\",\"key\":\"wid\"}"), method: "POST");

            var failure = SingleFailure(Run(Endpoint, WithToken(sim), "wid-1"));

            Assert.Equal((ErrorIds.InvalidRequest, "Bad value."), (failure.ErrorId, failure.DetailsMessage));
            Assert.Equal("wid", failure.Exception.VendorError!.Details["key"]);
        }

        [Theory]
        [InlineData(OnedataErrorShape.Nested)]
        [InlineData(OnedataErrorShape.Flat)]
        public async Task Connect_verifies_against_notFound_in_either_shape(OnedataErrorShape shape)
        {
            await using var sim = await SimulatorServer.StartAsync();
            await SimSwitches.OnedataShapeAsync(sim, shape);

            Assert.NotNull(Connect(sim));
            Assert.EndsWith("/workflows/" + OnedataProfile.ProbeExecutionId, sim.Journal.Snapshot().Single().Path);
        }

        [Theory]
        [InlineData(OnedataErrorShape.Nested)]
        [InlineData(OnedataErrorShape.Flat)]
        public async Task Connect_with_a_bad_token_fails_as_Unauthorized_in_either_shape(OnedataErrorShape shape)
        {
            await using var sim = await SimulatorServer.StartAsync();
            await SimSwitches.OnedataShapeAsync(sim, shape);

            var error = Assert.ThrowsAny<OperationsApiException>(() => Connect(sim, "revoked-token"));

            Assert.Equal((ErrorIds.Unauthorized, 400), (error.ErrorId, error.StatusCode));
        }
    }
}
