using System;
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
    /// <summary>Client credentials against the auth proxy: form body, reuse, renewal before expiry and after a 401.</summary>
    public sealed class BigChangeTokenTests
    {
        [Fact]
        public async Task Client_credentials_are_posted_as_a_form_once_for_many_jobs()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.BigChange.AddJobs(Enumerable.Range(1, 6).Select(i => (long)i));

            var output = Run(Endpoint, WithClient(sim), Enumerable.Range(1, 6).Select(i => Job(i)).ToArray());

            Assert.Equal(6, output.Objects.Count);
            Assert.Equal(1, sim.State.BigChange.TokensIssued);
            var token = Requests(sim, "POST", "/auth/tokens").Single();
            Assert.StartsWith("application/x-www-form-urlencoded", token.Headers["Content-Type"]);
            Assert.Equal("grant_type=client_credentials&client_id=bc-client&client_secret=bc-secret", token.Body);
            Assert.False(token.Headers.ContainsKey("Customer-Id"));
            Assert.False(token.Headers.ContainsKey("Authorization"));
            Assert.Single(Requests(sim, "PUT", "/cancel").Select(r => r.Headers["Authorization"]).Distinct());
            Assert.DoesNotContain(output.AllText(), t => t.Contains("bc-secret"));
        }

        [Fact]
        public async Task A_token_rejected_with_401_is_requested_again_once()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.BigChange.AddJobs(new long[] { 1, 2 });
            using var session = Connect(WithClient(sim));
            Run(Endpoint, WithSession(session), Job(1));
            sim.State.BigChange.ExpireTokens();

            var output = Run(Endpoint, WithSession(session), Job(2));

            Assert.Single(output.Objects);
            Assert.Equal(new[] { "POST /auth/tokens", "PUT /v1/jobs/1/cancel", "PUT /v1/jobs/2/cancel", "POST /auth/tokens", "PUT /v1/jobs/2/cancel" }, Sequence(sim));
        }

        [Fact]
        public async Task A_short_token_is_reused_for_most_of_its_life_and_requested_again_before_it_ends()
        {
            // expires_in = 20 s: renewed a tenth of its lifetime ahead (at 18 s), not on every call as a fixed 30 s margin did.
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { TokenLifetimeSeconds = 20 });
            sim.State.BigChange.AddJobs(new long[] { 1, 2, 3 });
            using var session = Connect(WithClient(sim));
            var clock = new VirtualClock();
            session.Transport.Throttle.Clock = clock;

            Run(Endpoint, WithSession(session), Job(1));
            clock.Advance(TimeSpan.FromSeconds(17));
            Run(Endpoint, WithSession(session), Job(2));
            clock.Advance(TimeSpan.FromSeconds(1.5));
            Run(Endpoint, WithSession(session), Job(3));

            Assert.Equal(new[] { "POST /auth/tokens", "PUT /v1/jobs/1/cancel", "PUT /v1/jobs/2/cancel", "POST /auth/tokens", "PUT /v1/jobs/3/cancel" }, Sequence(sim));
        }

        [Fact]
        public async Task A_token_with_a_long_life_is_reused_across_invocations()
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { TokenLifetimeSeconds = 3600 });
            sim.State.BigChange.AddJobs(new long[] { 1, 2 });
            using var session = Connect(WithClient(sim));

            Run(Endpoint, WithSession(session), Job(1));
            Run(Endpoint, WithSession(session), Job(2));

            Assert.Equal(1, sim.State.BigChange.TokensIssued);
            Assert.Equal("ClientCredentials", session.AuthenticationKind);
            Assert.Equal("bc-client", session.UserName);
        }

        [Fact]
        public async Task A_wrong_client_secret_is_Unauthorized_and_no_cancel_is_sent()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.BigChange.AddJob(1);

            var failure = SingleFailure(Run(Endpoint, WithClient(sim, "wrong-secret"), Job(1)));

            Assert.Equal((ErrorIds.Unauthorized, ErrorCategoryName.AuthenticationError), (failure.ErrorId, failure.Category));
            Assert.Equal(400, failure.Exception.StatusCode);
            Assert.Equal("Bad Request: The client credentials are not valid.", failure.DetailsMessage);
            Assert.Contains("client_secret", failure.RecommendedAction);
            Assert.Equal(new[] { "POST /auth/tokens" }, Sequence(sim));
            Assert.DoesNotContain("wrong-secret", failure.Exception.ToString());
        }

        [Fact]
        public async Task A_given_token_that_expired_is_Unauthorized_with_an_empty_body()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.BigChange.AddJob(1);

            var failure = SingleFailure(Run(Endpoint, Connections.PerCall(OperationsSystem.BigChange, sim.BaseUri, token: Connections.Secret("stale")), Job(1)));

            Assert.Equal((ErrorIds.Unauthorized, ErrorCategoryName.AuthenticationError), (failure.ErrorId, failure.Category));
            Assert.Contains("with an empty body", failure.Exception.Message);
            Assert.Equal(StatusClassifier.Advice(401), failure.RecommendedAction);
            Assert.Single(sim.Journal.Snapshot());
        }
    }
}
