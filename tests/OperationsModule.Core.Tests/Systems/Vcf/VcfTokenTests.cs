using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;
using Xunit;
using static OperationsModule.Core.Tests.Systems.Shared.StopRun;
using static OperationsModule.Core.Tests.Systems.Vcf.StopTaskTests;

namespace OperationsModule.Core.Tests.Systems.Vcf
{
    /// <summary>VCF token login, reuse, refresh on 401 and before expiry, and the fall back to a new login.</summary>
    public sealed class VcfTokenTests
    {
        [Theory]
        [InlineData(200)]
        [InlineData(201)]
        public async Task Login_accepts_200_and_201_and_posts_username_and_password(int tokenStatus)
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { VcfTokenStatusCode = tokenStatus });
            sim.State.Vcf.AddTask("t-1");

            var output = Run(Endpoint, WithLogin(sim), "t-1");

            Assert.Single(output.Objects);
            // The per-call login is revoked when the command ends, so its refresh token does not outlive it on the server.
            Assert.Equal(new[] { "POST /v1/tokens", "DELETE /v1/tasks/t-1", "DELETE /v1/tokens/refresh-token" }, Sequence(sim));
            var login = sim.Journal.Snapshot()[0];
            Assert.StartsWith("application/json", login.Headers["Content-Type"]);
            using var body = JsonDocument.Parse(login.Body);
            Assert.Equal(sim.Options.VcfUser, body.RootElement.GetProperty("username").GetString());
            Assert.Equal(sim.Options.VcfPassword, body.RootElement.GetProperty("password").GetString());
            Assert.False(login.Headers.ContainsKey("Authorization"));
            Assert.StartsWith("Bearer ey", sim.Journal.Snapshot()[1].Headers["Authorization"]);
            Assert.DoesNotContain(output.AllText(), t => t.Contains(sim.Options.VcfPassword));
        }

        [Fact]
        public async Task One_login_serves_every_piped_task()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var ids = Enumerable.Range(1, 10).Select(i => "t-" + i).ToArray();
            sim.State.Vcf.AddTasks(ids);

            var output = Run(Endpoint, WithLogin(sim), ids);

            Assert.Equal(10, output.Objects.Count);
            Assert.Equal(1, sim.State.Vcf.TokensIssued);
            Assert.Single(Requests(sim, "POST", "/v1/tokens"));
            Assert.Single(Requests(sim, "DELETE", "/v1/tasks/").Select(r => r.Headers["Authorization"]).Distinct());
        }

        [Fact]
        public async Task A_connected_session_logs_in_once_across_invocations()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Vcf.AddTasks(new[] { "t-1", "t-2" });
            using var session = Connect(WithLogin(sim));

            Run(Endpoint, WithSession(session), "t-1");
            Run(Endpoint, WithSession(session), "t-2");

            Assert.Equal(new[] { "POST /v1/tokens", "DELETE /v1/tasks/t-1", "DELETE /v1/tasks/t-2" }, Sequence(sim));
            Assert.Equal("Login", session.AuthenticationKind);
        }

        [Fact]
        public async Task An_expired_token_is_refreshed_once_with_the_refresh_id_as_a_JSON_string()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Vcf.AddTasks(new[] { "t-1", "t-2" });
            using var session = Connect(WithLogin(sim));
            Run(Endpoint, WithSession(session), "t-1");
            sim.State.Vcf.ExpireAccessTokens();

            var output = Run(Endpoint, WithSession(session), "t-2");

            Assert.Single(output.Objects);
            Assert.Equal(new[] { "POST /v1/tokens", "DELETE /v1/tasks/t-1", "DELETE /v1/tasks/t-2", "PATCH /v1/tokens/access-token/refresh", "DELETE /v1/tasks/t-2" }, Sequence(sim));
            var refresh = Requests(sim, "PATCH", "/refresh").Single();
            Assert.StartsWith("application/json", refresh.Headers["Content-Type"]);
            Assert.Equal(JsonValueKind.String, JsonDocument.Parse(refresh.Body).RootElement.ValueKind);
            // The simulator counts a refresh only for a refresh id it issued at login.
            Assert.True(Guid.TryParse(JsonDocument.Parse(refresh.Body).RootElement.GetString(), out _));
            Assert.False(refresh.Headers.ContainsKey("Authorization"));
            Assert.Equal(1, sim.State.Vcf.TokensRefreshed);
            var deletes = Requests(sim, "DELETE", "/v1/tasks/t-2");
            Assert.NotEqual(deletes[0].Headers["Authorization"], deletes[1].Headers["Authorization"]);
        }

        [Fact]
        public async Task A_token_near_its_expiry_is_refreshed_before_the_call_without_a_401()
        {
            // A 10 s token is used for most of its life and refreshed a tenth of it ahead of its expiry (not at once, as a
            // fixed 30 s margin did). The client's clock is virtual, set to the wall clock the token's JWT exp is read against.
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { TokenLifetimeSeconds = 10 });
            sim.State.Vcf.AddTasks(new[] { "t-1", "t-2", "t-3" });
            using var session = Connect(WithLogin(sim));
            var clock = new VirtualClock();
            clock.Advance(DateTimeOffset.UtcNow - clock.UtcNow);
            session.Transport.Throttle.Clock = clock;

            Run(Endpoint, WithSession(session), "t-1");
            Run(Endpoint, WithSession(session), "t-2");
            clock.Advance(TimeSpan.FromSeconds(9.5));
            var output = Run(Endpoint, WithSession(session), "t-3");

            Assert.Single(output.Objects);
            Assert.Equal(new[] { "POST /v1/tokens", "DELETE /v1/tasks/t-1", "DELETE /v1/tasks/t-2", "PATCH /v1/tokens/access-token/refresh", "DELETE /v1/tasks/t-3" }, Sequence(sim));
        }

        [Theory]
        [InlineData(404)]
        [InlineData(500)]
        public async Task When_the_refresh_fails_the_client_logs_in_again(int refreshStatus)
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Vcf.AddTasks(new[] { "t-1", "t-2" });
            using var session = Connect(WithLogin(sim));
            Run(Endpoint, WithSession(session), "t-1");
            sim.State.Vcf.ExpireAccessTokens();
            sim.Faults.Add(FaultAction.Status(refreshStatus, body: "{\"errorCode\":\"REFRESH_TOKEN_NOT_FOUND\",\"message\":\"Refresh token not found.\"}"), method: "PATCH");

            var output = Run(Endpoint, WithSession(session), "t-2");

            Assert.Single(output.Objects);
            Assert.Equal(new[] { "POST /v1/tokens", "DELETE /v1/tasks/t-1", "DELETE /v1/tasks/t-2", "PATCH /v1/tokens/access-token/refresh", "POST /v1/tokens", "DELETE /v1/tasks/t-2" }, Sequence(sim));
            Assert.Equal(2, sim.State.Vcf.TokensIssued);
        }

        [Fact]
        public async Task A_401_that_survives_the_refresh_fails_as_Unauthorized_after_one_renewal()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Vcf.AddTask("t-1");
            sim.Faults.Add(FaultAction.Status(401, body: "{\"errorCode\":\"Unauthorized\",\"message\":\"Authorization Header is missing or not in correct format\"}"), method: "DELETE", pathPattern: "/v1/tasks/");

            var failure = SingleFailure(Run(Endpoint, WithLogin(sim), "t-1"));

            Assert.Equal((ErrorIds.Unauthorized, ErrorCategoryName.AuthenticationError), (failure.ErrorId, failure.Category));
            Assert.Equal(new[] { "POST /v1/tokens", "DELETE /v1/tasks/t-1", "PATCH /v1/tokens/access-token/refresh", "DELETE /v1/tasks/t-1", "DELETE /v1/tokens/refresh-token" }, Sequence(sim));
        }
    }
}
