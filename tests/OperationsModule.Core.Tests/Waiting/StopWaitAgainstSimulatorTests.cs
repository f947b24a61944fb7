using System;
using System.Linq;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.Onedata;
using OperationsModule.Core.Systems.Vcf;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Core.Tests.Systems.Shared;
using OperationsModule.Simulator;
using OperationsModule.Simulator.Faults;
using Xunit;

namespace OperationsModule.Core.Tests.Waiting
{
    /// <summary>Stop-Task -Wait and Stop-WorkflowExecution -Wait against the simulator, whose cancels finish asynchronously.</summary>
    public sealed class StopWaitAgainstSimulatorTests
    {
        private static ConnectionRequest VcfLogin(SimulatorServer sim) =>
            Connections.PerCall(OperationsSystem.Vcf, sim.BaseUri, credential: Connections.Credential(sim.Options.VcfUser, sim.Options.VcfPassword));

        private static ConnectionRequest Onedata(SimulatorServer sim) =>
            Connections.PerCall(OperationsSystem.Onedata, sim.BaseUri, token: Connections.Secret(sim.Options.OnedataToken));

        private static int Reads(SimulatorServer sim, string path) => sim.Journal.Snapshot().Count(r => r.Method == "GET" && r.Path == path);

        [Fact]
        public async Task Stop_Task_Wait_reads_IN_PROGRESS_then_CANCELLED_and_emits_Cancelled()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Listing.CancelSettleReads = 2;
            sim.State.Vcf.AddTask("t-1");

            var (output, command) = FindRun.StopAndWait(TaskCancelEndpoint.Instance, VcfTaskStateReader.Instance, VcfLogin(sim), null, "t-1");
            using (command)
            {
                var result = output.Single<CancellationResult>();
                Assert.Equal(("t-1", "Cancelled", 200), (result.Id, result.Status, result.StatusCode));
                Assert.NotNull(result.ConfirmedAt);
                Assert.Equal(3, Reads(sim, "/v1/tasks/t-1"));
                Assert.Contains(output.Verbose, v => v.Contains("Vcf Task 't-1' is IN_PROGRESS."));
                Assert.Contains(output.Verbose, v => v.Contains("Vcf Task 't-1' is CANCELLED (final)."));
            }
        }

        [Fact]
        public async Task A_task_that_could_not_be_cancelled_is_its_409_and_is_never_read()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Vcf.AddTask("run");
            sim.State.Vcf.AddTask("done", "SUCCESSFUL");

            var (output, command) = FindRun.StopAndWait(TaskCancelEndpoint.Instance, VcfTaskStateReader.Instance, VcfLogin(sim), null, "run", "done");
            using (command)
            {
                Assert.Equal("run", output.Single<CancellationResult>().Id);
                Assert.Equal(ErrorIds.Conflict, Assert.Single(output.Failures).ErrorId);
                Assert.Equal(0, Reads(sim, "/v1/tasks/done"));
            }
        }

        [Fact]
        public async Task A_502_and_an_expired_token_while_waiting_are_survived()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Listing.CancelSettleReads = 1;
            sim.State.Vcf.AddTask("t-1");
            sim.Faults.Add(new FaultRule(FaultAction.Status(502)) { Method = "GET", PathPattern = "^/v1/tasks/t-1$", Times = 1 });
            // The first read's 401 makes the transport renew the token (PATCH refresh) and read again.
            sim.Faults.Add(new FaultRule(FaultAction.Status(401, body: "{\"errorCode\":\"Unauthorized\",\"message\":\"expired\"}", contentType: "application/json")) { Method = "GET", PathPattern = "^/v1/tasks/t-1$", Times = 1 });

            var (output, command) = FindRun.StopAndWait(TaskCancelEndpoint.Instance, VcfTaskStateReader.Instance, VcfLogin(sim), null, "t-1");
            using (command)
            {
                Assert.Empty(output.Failures);
                Assert.Equal("Cancelled", output.Single<CancellationResult>().Status);
                Assert.Contains(output.Verbose, v => v.Contains("answered 502; reading again"));
                Assert.Equal((1, 1), (sim.State.Vcf.TokensIssued, sim.State.Vcf.TokensRefreshed));
            }
        }

        [Fact]
        public async Task A_wait_that_times_out_is_WaitTimedOut_with_the_task_still_IN_PROGRESS()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Listing.CancelSettleReads = 100;
            sim.State.Vcf.AddTask("slow");

            var (output, command) = FindRun.StopAndWait(TaskCancelEndpoint.Instance, VcfTaskStateReader.Instance, VcfLogin(sim), TimeSpan.FromSeconds(20), "slow");
            using (command)
            {
                Assert.Empty(output.Objects);
                var failure = Assert.Single(output.Failures);
                Assert.Equal(ErrorIds.WaitTimedOut, failure.ErrorId);
                Assert.Equal("IN_PROGRESS", Assert.IsType<CancellationResult>(failure.TargetObject).Status);
                Assert.Contains("Get-SddcManagerTask -TaskId 'slow'", failure.RecommendedAction);
            }
        }

        [Fact]
        public async Task Stop_WorkflowExecution_Wait_goes_through_stopping_to_cancelled()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.Listing.CancelSettleReads = 1;
            sim.State.Onedata.AddExecution("w-1");
            sim.State.Onedata.AddExecution("w-done", "finished");

            var (output, command) = FindRun.StopAndWait(WorkflowExecutionCancelEndpoint.Instance, WorkflowExecutionStateReader.Instance, Onedata(sim), null, "w-1", "w-done");
            using (command)
            {
                var result = output.Single<CancellationResult>();
                Assert.Equal(("w-1", "Cancelled"), (result.Id, result.Status));
                Assert.Contains(output.Verbose, v => v.Contains("'w-1' is stopping."));
                Assert.Equal(ErrorIds.Conflict, Assert.Single(output.Failures).ErrorId);
                Assert.Equal(2, Reads(sim, "/api/v3/oneprovider/automation/execution/workflows/w-1"));
                Assert.Equal(0, Reads(sim, "/api/v3/oneprovider/automation/execution/workflows/w-done"));
            }
        }
    }
}
