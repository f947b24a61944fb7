using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.BigChange;
using OperationsModule.Core.Systems.BigChange.Jobs;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Core.Tests.Systems.OLConnect;
using OperationsModule.Core.Waiting;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.Core.Tests.Systems.BigChange
{
    /// <summary>Stop-Job -Wait: after a 204 the job is read (GET /v1/jobs/{jobId}) for the same tenant until it reads cancelled.</summary>
    public sealed class StopJobWaitTests
    {
        [Fact]
        public async Task Each_accepted_cancel_is_read_for_its_own_customer_and_reads_Cancelled_a_refused_one_is_not_read()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.BigChange.SeedJob(1);
            sim.State.BigChange.SeedJob(2, customerId: 77);
            sim.State.BigChange.SeedJob(3, "started");
            var reader = new BigChangeJobStateReader();
            reader.Remember("2", 77);
            var output = new RecordingOutput();
            var request = Connections.PerCall(OperationsSystem.BigChange, sim.BaseUri, credential: Connections.Credential("bc-client", "bc-secret"));
            request.CustomerId = 4242;

            using (var command = new StopCommand(JobCancelEndpoint.Instance, new ConnectionPlan(request, new SessionStore()), 4, output, CancellationToken.None))
            {
                command.ConfirmWith(reader, new WaitSchedule(TimeSpan.FromMinutes(1), new FakeWaitClock()));
                command.Process("1", new CancelArguments { Reason = "Rescheduled" });
                command.Process("2", new CancelArguments { Reason = "Rescheduled", CustomerId = 77 });
                command.Process("3", new CancelArguments { Reason = "Rescheduled" });
                command.Complete();
            }

            var results = output.Objects.Cast<CancellationResult>().OrderBy(r => r.Id).ToList();
            Assert.Equal(new[] { ("1", "Cancelled"), ("2", "Cancelled") }, results.Select(r => (r.Id, r.Status)));
            Assert.All(results, r => Assert.NotNull(r.ConfirmedAt));
            Assert.Equal(ErrorIds.ValidationFailed, Assert.Single(output.Failures).ErrorId);
            var reads = sim.Journal.Snapshot().Where(r => r.Method == "GET" && r.Path.StartsWith("/v1/jobs/", StringComparison.Ordinal)).ToList();
            Assert.Equal(new[] { ("/v1/jobs/1", "4242"), ("/v1/jobs/2", "77") }, reads.Select(r => (r.Path, r.Headers["Customer-Id"])).OrderBy(r => r.Path));
        }

        [Fact]
        public async Task A_job_that_completed_instead_reads_its_final_status_and_the_timeout_advice_names_Get_BigChangeJob()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.BigChange.SeedJob(8, "completedOk");
            var reader = new BigChangeJobStateReader();
            reader.Remember("8", 4242);
            using var connection = Connections.Resolve(Connections.PerCall(OperationsSystem.BigChange, sim.BaseUri, credential: Connections.Credential("bc-client", "bc-secret")));
            var read = reader.BuildRequest(connection.Session, "8");
            var response = await connection.Transport.SendAsync(read, new RecordingOutput(), CancellationToken.None);

            var state = reader.Read(read, response, "8", null);

            Assert.Equal(("completedOk", true, false), (state!.State, state.IsFinal, state.IsCancelled));
            Assert.Equal("Get-OpsBigChangeJob -JobId 8 -CustomerId 4242", reader.ReadAgainCommand("8", new CommandNames("Stop-OpsJob", "Ops")));
        }
    }
}
