using System.Linq;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;
using Xunit;
using static OperationsModule.Core.Tests.Systems.BigChange.StopJobApiTests;
using static OperationsModule.Core.Tests.Systems.Shared.StopRun;

namespace OperationsModule.Core.Tests.Systems.BigChange
{
    /// <summary>
    /// The auth proxy refusing the app's credentials (any 400 or 401, whatever its words) and the API refusing a token
    /// that lacks a scope: the user is told what to check, by name.
    /// </summary>
    public sealed class BigChangeAuthorizationFailureTests
    {
        private static string Problem(int status, string title, string detail) =>
            "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"traceId\":\"00-t-00\"}";

        private static void AssertNamesWhatToCheck(string? advice)
        {
            Assert.NotNull(advice);
            foreach (var word in new[] { "client ID", "client_id", "client secret", "client_secret", "jobs:write" })
                Assert.Contains(word, advice);
        }

        [Fact]
        public async Task A_wrong_secret_answered_with_a_plain_400_problem_is_an_authentication_error()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.BigChange.AddJob(1);

            var failure = SingleFailure(Run(Endpoint, WithClient(sim, "wrong-secret"), Job(1)));

            Assert.Equal((ErrorIds.Unauthorized, ErrorCategoryName.AuthenticationError, 400), (failure.ErrorId, failure.Category, failure.Exception.StatusCode));
            Assert.DoesNotContain("invalid_client", failure.Exception.RawBody);
            Assert.Equal("Bad Request: The client credentials are not valid.", failure.DetailsMessage);
            AssertNamesWhatToCheck(failure.RecommendedAction);
            Assert.Equal(new[] { "POST /auth/tokens" }, Sequence(sim));
        }

        [Theory]
        [InlineData(400, "Bad Request", "The client secret has expired.", "Bad Request: The client secret has expired.")]
        [InlineData(400, "invalid_grant", "invalid_grant", "invalid_grant")]
        [InlineData(401, "Unauthorized", "Unknown client.", "Unauthorized: Unknown client.")]
        [InlineData(401, "Unauthorized", "", "Unauthorized")]
        public async Task Any_400_or_401_problem_from_the_token_request_is_Unauthorized_with_title_and_detail(int status, string title, string detail, string expected)
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.Status(status, body: Problem(status, title, detail), contentType: "application/problem+json"), pathPattern: "/auth/tokens");

            var failure = SingleFailure(Run(Endpoint, WithClient(sim), Job(1)));

            Assert.Equal((ErrorIds.Unauthorized, ErrorCategoryName.AuthenticationError, status), (failure.ErrorId, failure.Category, failure.Exception.StatusCode));
            Assert.Equal(expected, failure.DetailsMessage);
            Assert.Equal("00-t-00", failure.Exception.CorrelationId);
            AssertNamesWhatToCheck(failure.RecommendedAction);
            Assert.Equal(new[] { "POST /auth/tokens" }, Sequence(sim));
        }

        [Fact]
        public async Task A_401_without_a_body_from_the_token_request_is_Unauthorized_too()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.Status(401), pathPattern: "/auth/tokens");

            var failure = SingleFailure(Run(Endpoint, WithClient(sim), Job(1)));

            Assert.Equal((ErrorIds.Unauthorized, ErrorCategoryName.AuthenticationError), (failure.ErrorId, failure.Category));
            Assert.Contains("with an empty body", failure.DetailsMessage);
            AssertNamesWhatToCheck(failure.RecommendedAction);
        }

        [Theory]
        [InlineData(422, "ValidationFailed")]
        [InlineData(500, "ServerError")]
        public async Task Token_request_statuses_other_than_400_and_401_keep_their_meaning(int status, string errorId)
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.Faults.Add(FaultAction.Status(status, body: Problem(status, "Problem", "Something else.")), pathPattern: "/auth/tokens");

            var failure = SingleFailure(Run(Endpoint, WithClient(sim), Job(1)));

            Assert.Equal(errorId, failure.ErrorId);
            Assert.Equal(StatusClassifier.Advice(status), failure.RecommendedAction);
        }

        [Fact]
        public async Task A_403_from_the_cancel_naming_the_missing_scope_says_so()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.BigChange.AddJob(1);
            var readOnly = Connections.PerCall(OperationsSystem.BigChange, sim.BaseUri,
                credential: Connections.Credential(sim.Options.BigChangeReadOnlyClientId, sim.Options.BigChangeReadOnlyClientSecret));

            var failure = SingleFailure(Run(Endpoint, readOnly, Job(1)));

            Assert.Equal((ErrorIds.Forbidden, ErrorCategoryName.PermissionDenied, 403), (failure.ErrorId, failure.Category, failure.Exception.StatusCode));
            Assert.Equal("The access token lacks the jobs:write scope.", failure.DetailsMessage);
            Assert.StartsWith("The access token lacks the jobs:write scope", failure.RecommendedAction);
            Assert.Contains("Developer Portal", failure.RecommendedAction);
            Assert.Equal("scheduled", sim.State.BigChange.GetStatus(1));
        }

        [Fact]
        public async Task A_403_that_speaks_of_scopes_without_naming_one_still_says_a_scope_is_missing()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.BigChange.AddJob(1);
            sim.Faults.Add(FaultAction.Status(403, body: Problem(403, "Forbidden", "Insufficient scope."), contentType: "application/problem+json"), method: "PUT");

            var failure = SingleFailure(Run(Endpoint, WithClient(sim), Job(1)));

            Assert.Equal(ErrorIds.Forbidden, failure.ErrorId);
            Assert.StartsWith("The access token lacks a scope this call needs", failure.RecommendedAction);
            Assert.Contains("jobs:write", failure.RecommendedAction);
        }

        [Fact]
        public async Task A_403_for_another_customer_keeps_the_generic_advice()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.BigChange.AddJob(1, customerId: 9999);

            var failure = SingleFailure(Run(Endpoint, WithClient(sim), Job(1)));

            Assert.Equal(ErrorIds.Forbidden, failure.ErrorId);
            Assert.Equal(StatusClassifier.Advice(403), failure.RecommendedAction);
            Assert.Single(Requests(sim, "PUT", "/cancel"));
        }
    }
}
