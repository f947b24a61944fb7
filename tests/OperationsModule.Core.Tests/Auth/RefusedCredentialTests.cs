using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.OLConnect;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;
using Xunit;
using static OperationsModule.Core.Tests.Systems.Shared.StopRun;

namespace OperationsModule.Core.Tests.Auth;

/// <summary>
/// A refused credential ends the command's use of it: one login attempt per command whatever -ThrottleLimit, every
/// other item its own record at once, unsent; a session tries once more in its next command.
/// </summary>
public class RefusedCredentialTests
{
    private static RecordingOutput Stop(ICancelEndpoint endpoint, ConnectionPlan plan, int throttleLimit, IEnumerable<(string Id, CancelArguments? Arguments)> items)
    {
        var output = new RecordingOutput { IsVerboseEnabled = false, IsDebugEnabled = false };
        using var command = new StopCommand(endpoint, plan, throttleLimit, output, CancellationToken.None);
        foreach (var (id, arguments) in items)
        {
            command.Process(id, arguments);
            command.Flush();
        }
        command.Complete();
        return output;
    }

    private static RecordingOutput Stop(ICancelEndpoint endpoint, ConnectionRequest request, int throttleLimit, IEnumerable<string> ids, CancelArguments? arguments = null) =>
        Stop(endpoint, new ConnectionPlan(request, new SessionStore()), throttleLimit, ids.Select(id => (id, arguments)));

    private static IReadOnlyList<string> Ids(int count) => Enumerable.Range(1, count).Select(i => "t-" + i).ToList();

    /// <summary>Every item has one record, all with the refusal's ErrorId and category; all but the tried ones say they were not sent.</summary>
    private static void AssertAllRefused(RecordingOutput output, IReadOnlyList<string> ids, int tried)
    {
        Assert.Empty(output.Objects);
        Assert.Equal(ids.OrderBy(i => i), output.Failures.Select(f => (string)f.TargetObject!).OrderBy(i => i));
        Assert.All(output.Failures, f => Assert.Equal(ErrorIds.Unauthorized, f.ErrorId));
        Assert.All(output.Failures, f => Assert.Equal(ErrorCategoryName.AuthenticationError, f.Category));
        var unsent = output.Failures.Count(f => f.Exception.Message.Contains("was not sent because the server refused the credential"));
        Assert.Equal(ids.Count - tried, unsent);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public async Task Vcf_per_call_with_a_wrong_password_logs_in_once(int throttleLimit)
    {
        await using var sim = await SimulatorServer.StartAsync();
        var ids = Ids(30);
        sim.State.Vcf.AddTasks(ids);

        var output = Stop(Systems.Vcf.StopTaskTests.Endpoint, Systems.Vcf.StopTaskTests.WithLogin(sim, "expired-password"), throttleLimit, ids);

        // Before: 30 POST /v1/tokens, all refused (an account lock-out after a password rotation).
        Assert.Single(Requests(sim, "POST", "/v1/tokens"));
        Assert.Empty(Requests(sim, "DELETE", "/v1/tasks/"));
        AssertAllRefused(output, ids, tried: 1);
    }

    [Fact]
    public async Task BigChange_per_call_with_a_wrong_secret_asks_for_one_token()
    {
        await using var sim = await SimulatorServer.StartAsync();
        var jobs = Enumerable.Range(1, 20).Select(i => (long)i).ToList();
        sim.State.BigChange.AddJobs(jobs);
        var arguments = new CancelArguments { Reason = "rotated", CustomerId = 4242 };

        var output = Stop(Systems.BigChange.StopJobApiTests.Endpoint, Systems.BigChange.StopJobApiTests.WithClient(sim, "old-secret"), 8, jobs.Select(j => j.ToString()), arguments);

        Assert.Single(sim.Journal.Snapshot(), r => r.Method == "POST" && r.Path.Contains("token"));
        AssertAllRefused(output, jobs.Select(j => j.ToString()).ToList(), tried: 1);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public async Task OlConnect_per_call_Basic_stops_at_the_first_refusal(int throttleLimit)
    {
        await using var sim = await SimulatorServer.StartAsync();
        var ids = Enumerable.Range(1, 40).Select(i => sim.State.OlConnect.AddOperation().Id).ToList();

        var output = Stop(OutputCreationCancelEndpoint.Instance, Systems.OLConnect.OlConnectHarness.PerCall(sim, Connections.Credential(sim.Options.OlConnectUser, "wrong")), throttleLimit, ids);

        // Before: one refused Basic request per operation. Each Basic request is itself a try of the password, so a
        // credential the server has not answered for goes out on one request first, whatever -ThrottleLimit.
        Assert.Single(Requests(sim, "POST", "/cancel/"));
        AssertAllRefused(output, ids, tried: 1);
    }

    [Fact]
    public async Task A_session_remembers_the_refusal_and_tries_once_more_per_command()
    {
        await using var sim = await SimulatorServer.StartAsync();
        var ids = Ids(10);
        sim.State.Vcf.AddTasks(ids);
        using var session = Connect(Systems.Vcf.StopTaskTests.WithLogin(sim, "expired-password"));

        var first = Stop(Systems.Vcf.StopTaskTests.Endpoint, WithSession(session), 8, ids);
        var second = Stop(Systems.Vcf.StopTaskTests.Endpoint, WithSession(session), 8, ids);

        Assert.Equal(2, Requests(sim, "POST", "/v1/tokens").Count);
        AssertAllRefused(first, ids, tried: 1);
        AssertAllRefused(second, ids, tried: 1);
    }

    [Fact]
    public async Task A_session_whose_credential_works_again_is_used_again()
    {
        await using var sim = await SimulatorServer.StartAsync();
        sim.State.Vcf.AddTasks(new[] { "t-1", "t-2" });
        using var session = Connect(Systems.Vcf.StopTaskTests.WithLogin(sim, "expired-password"));
        Stop(Systems.Vcf.StopTaskTests.Endpoint, WithSession(session), 8, new[] { "t-1" });
        sim.Options.VcfPassword = "expired-password";

        var output = Stop(Systems.Vcf.StopTaskTests.Endpoint, WithSession(session), 8, new[] { "t-2" });

        Assert.Single(output.Objects);
        Assert.Empty(output.Failures);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public async Task An_api_that_refuses_fresh_tokens_costs_a_few_logins_per_command(int throttleLimit)
    {
        await using var sim = await SimulatorServer.StartAsync();
        var ids = Ids(200);
        sim.State.Vcf.AddTasks(ids);
        sim.Faults.Add(FaultAction.Status(401), method: "DELETE", pathPattern: "^/v1/tasks/");

        var output = Stop(Systems.Vcf.StopTaskTests.Endpoint, Systems.Vcf.StopTaskTests.WithLogin(sim), throttleLimit, ids);

        // Before: 201 logins and 200 refreshes at -ThrottleLimit 1.
        var logins = Requests(sim, "POST", "/v1/tokens").Count + Requests(sim, "PATCH", "/v1/tokens/").Count;
        Assert.InRange(logins, 1, 3);
        Assert.InRange(Requests(sim, "DELETE", "/v1/tasks/").Count, 1, 2 * throttleLimit);
        Assert.Equal(200, output.Failures.Count);
        Assert.All(output.Failures, f => Assert.Equal(ErrorIds.Unauthorized, f.ErrorId));
    }
}
