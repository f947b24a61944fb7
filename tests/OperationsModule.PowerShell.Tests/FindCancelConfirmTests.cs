using System;
using System.Linq;
using System.Management.Automation;
using OperationsModule.Core.Models;
using OperationsModule.PowerShell.Tests.Infrastructure;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.PowerShell.Tests
{
    /// <summary>Get-SddcManagerTask and Get-WorkflowExecution in a live runspace: binding, pipes into Stop-, -Wait, bad input, views.</summary>
    public sealed class FindCancelConfirmTests : RunspaceTest
    {
        public FindCancelConfirmTests(SimulatorFixture simulator) : base(simulator) { }

        private int Requests(string method, string path) => Server.Journal.Snapshot().Count(r => r.Method == method && r.Path == path);

        [Fact]
        public void Running_tasks_found_across_pages_pipe_into_Stop_Task_and_each_is_cancelled_once_with_one_login()
        {
            Server.State.Vcf.AddTasks(Enumerable.Range(1, 130).Select(i => $"t-{i:D3}"));
            Server.State.Vcf.AddTask("done", "SUCCESSFUL");

            var result = RunClean("Get-SddcManagerTask @vcf -Status 'In Progress' | Stop-Task");

            var cancelled = result.Objects<CancellationResult>().ToList();
            Assert.Equal(130, cancelled.Select(c => c.Id).Distinct().Count());
            Assert.All(cancelled, c => Assert.Equal("CancelRequested", c.Status));
            Assert.Equal(2, Requests("GET", "/v1/tasks"));
            Assert.Equal(130, Server.Journal.Snapshot().Count(r => r.Method == "DELETE" && r.Path.StartsWith("/v1/tasks/")));
            Assert.Equal(0, Requests("DELETE", "/v1/tasks/done"));
            Assert.Equal(1, Server.State.Vcf.TokensIssued);
        }

        [Fact]
        public void Stop_Task_Wait_returns_Cancelled_after_reading_the_task_and_shows_progress_counts()
        {
            Server.State.Listing.CancelSettleReads = 1;
            Server.State.Vcf.AddTask("t-1");

            var result = RunClean("Stop-Task @vcf -TaskId t-1 -Wait");

            var confirmed = Assert.Single(result.Objects<CancellationResult>());
            Assert.Equal(("t-1", "Cancelled"), (confirmed.Id, confirmed.Status));
            Assert.NotNull(confirmed.ConfirmedAt);
            Assert.Equal(2, Requests("GET", "/v1/tasks/t-1"));
            // One second, then two: the bar appears after half a second and is closed at the end.
            Assert.Contains(result.Progress, p => p.Activity.Contains("Waiting for cancelled Vcf Task items") && p.StatusDescription.Contains("in flight"));
            Assert.Equal(ProgressRecordType.Completed, result.Progress.Last().RecordType);
        }

        [Fact]
        public void Ctrl_C_during_Stop_Task_Wait_names_the_tasks_whose_cancel_was_accepted_in_one_warning()
        {
            // The tasks read IN_PROGRESS long after their cancel: the wait is still on when Ctrl+C comes.
            Server.State.Listing.CancelSettleReads = 1000;
            var ids = new[] { "t-1", "t-2", "t-3" };
            Server.State.Vcf.AddTasks(ids);
            using var ps = Shell.Create();
            ps.AddScript("'t-1', 't-2', 't-3' | Stop-Task @vcf -Wait");
            var running = ps.BeginInvoke();

            // Each cancel accepted and its task read once (bounded, a condition rather than a sleep); then Ctrl+C.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (ids.Any(id => Requests("GET", "/v1/tasks/" + id) == 0) && DateTime.UtcNow < deadline)
                System.Threading.Thread.Yield();
            Assert.All(ids, id => Assert.Equal(1, Requests("DELETE", "/v1/tasks/" + id)));
            ps.Stop();

            Assert.True(running.IsCompleted);
            var warning = Assert.Single(Shell.Host.Recorder.Lines, l => l.StartsWith("WARNING: Stopped waiting"));
            Assert.StartsWith("WARNING: Stopped waiting for 3 cancelled Vcf Task items whose cancel the server accepted, before they were read as stopped: ", warning);
            Assert.All(ids, id => Assert.Contains($"'{id}'", warning));
            Assert.Contains("Read their state later with: Get-SddcManagerTask -TaskId 't-", warning);
        }

        [Fact]
        public void Select_Object_First_after_Stop_Task_Wait_names_the_tasks_it_did_not_take_in_one_warning()
        {
            // Every task reads IN_PROGRESS once after its cancel, then CANCELLED: the first confirmed ends the pipeline.
            Server.State.Listing.CancelSettleReads = 1;
            var ids = new[] { "t-1", "t-2", "t-3" };
            Server.State.Vcf.AddTasks(ids);

            var result = RunClean("'t-1', 't-2', 't-3' | Stop-Task @vcf -Wait -ThrottleLimit 1 | Select-Object -First 1");

            var taken = Assert.Single(result.Objects<CancellationResult>());
            var warning = Assert.Single(Shell.Host.Recorder.Lines, l => l.StartsWith("WARNING: Stopped "));
            // The cancels Select-Object did not take were accepted all the same: each is named, and the one it took is not.
            Assert.StartsWith("WARNING: Stopped waiting for 2 cancelled Vcf Task items ", warning);
            Assert.All(ids.Where(id => id != taken.Id), id => Assert.Contains($"'{id}'", warning));
            Assert.DoesNotContain($"'{taken.Id}'", warning);
            Assert.All(ids, id => Assert.Equal(1, Requests("DELETE", "/v1/tasks/" + id)));
        }

        [Fact]
        public void A_read_that_fails_under_ErrorAction_Stop_ends_Stop_Task_Wait_and_the_task_still_waiting_is_named()
        {
            Server.State.Listing.CancelSettleReads = 1000;
            Server.State.Vcf.AddTasks(new[] { "t-1", "t-bad" });
            Server.Faults.Add(FaultAction.Status(403, body: "{\"errorCode\":\"FORBIDDEN\",\"message\":\"No access.\"}"), method: "GET", pathPattern: "/v1/tasks/t-bad$");

            var result = Shell.Run("'t-1', 't-bad' | Stop-Task @vcf -Wait -ErrorAction Stop");

            Assert.NotNull(result.Terminating);
            Assert.Equal("t-bad", Assert.IsType<CancellationResult>(result.Terminating!.ErrorRecord.TargetObject).Id);
            var warning = Assert.Single(Shell.Host.Recorder.Lines, l => l.StartsWith("WARNING: Stopped waiting"));
            Assert.StartsWith("WARNING: Stopped waiting for 1 cancelled Vcf Task item whose cancel the server accepted, before they were read as stopped: 't-1'. ", warning);
        }

        [Fact]
        public void Ongoing_executions_followed_across_pages_pipe_into_Stop_WorkflowExecution_Wait_and_come_back_cancelled()
        {
            Server.State.Listing.OnedataPageLimit = 2;
            Server.State.Onedata.AddExecutions(new[] { "w-1", "w-2", "w-3" });
            Server.State.Onedata.AddExecution("w-done", "finished");

            var result = RunClean("Get-WorkflowExecution @od -SpaceId s-1 -Phase ongoing | Stop-WorkflowExecution -Wait");

            var confirmed = result.Objects<CancellationResult>().OrderBy(c => c.Id).ToList();
            Assert.Equal(new[] { ("w-1", "Cancelled"), ("w-2", "Cancelled"), ("w-3", "Cancelled") }, confirmed.Select(c => (c.Id, c.Status)));
            Assert.Equal(2, Requests("GET", "/api/v3/oneprovider/spaces/s-1/automation/execution/workflows"));
            Assert.Equal("cancelled", Server.State.Onedata.GetStatus("w-2"));
        }

        [Theory]
        [InlineData("Get-SddcManagerTask @vcf -Status RUNNING", "-Status", "IN_PROGRESS, SUCCESSFUL")]
        [InlineData("Get-WorkflowExecution @od -SpaceId s-1 -Phase running", "-Phase", "waiting, ongoing, suspended, ended")]
        [InlineData("Get-WorkflowExecution @od -SpaceId '../x'", "-SpaceId", "would change the request's URL")]
        [InlineData("Get-SddcManagerTask @vcf -Name ' '", "-Name", "empty or whitespace")]
        public void Bad_input_is_refused_before_any_request_naming_the_parameter(string script, string parameter, string words)
        {
            var result = Shell.Run(script);

            var error = result.Terminating?.ErrorRecord ?? Assert.Single(result.Errors);
            Assert.StartsWith("InvalidParameter", error.FullyQualifiedErrorId);
            Assert.Contains(parameter, error.Exception.Message);
            Assert.Contains(words, error.Exception.Message);
            Assert.Empty(Server.Journal.Snapshot());
        }

        [Fact]
        public void IDs_bind_by_value_and_by_property_name_and_no_match_is_no_output()
        {
            Server.State.Vcf.AddTasks(new[] { "t-1", "t-2" });

            var byValue = RunClean("'t-1', 't-2' | Get-SddcManagerTask @vcf");
            var byProperty = RunClean("[pscustomobject]@{ Id = 't-2' } | Get-SddcManagerTask @vcf");
            var none = RunClean("Get-SddcManagerTask @vcf -Status FAILED");

            Assert.Equal(new[] { "t-1", "t-2" }, byValue.Objects<SddcManagerTask>().Select(t => t.TaskId).OrderBy(i => i));
            Assert.Equal("t-2", Assert.Single(byProperty.Objects<SddcManagerTask>()).TaskId);
            Assert.Empty(none.Output);
        }

        [Fact]
        public void Client_side_filters_are_said_in_verbose()
        {
            Server.State.Vcf.AddTask("t-1", "FAILED");

            var result = RunClean("Get-SddcManagerTask @vcf -Status FAILED, CANCELLED -Verbose");

            Assert.Single(result.Objects<SddcManagerTask>());
            Assert.Contains(result.Verbose, v => v.Contains("applied here, client-side: status in FAILED, CANCELLED"));
        }

        [Theory]
        [InlineData("Get-SddcManagerTask @vcf", "7e1c2eee-3177-4e3b-84db-bfebc83f386a", "IN_PROGRESS")]
        [InlineData("Get-WorkflowExecution @od -SpaceId s-1", "11a53ed06d175c89bc3ed5be61f8217cch1890", "active")]
        public void The_default_table_fits_80_columns_with_the_ID_and_status_whole(string script, string id, string status)
        {
            Server.State.Vcf.AddTask(id, "IN_PROGRESS", "Upgrade ESXi hosts of workload domain wld-01", "UPGRADE", DateTimeOffset.UtcNow);
            Server.State.Onedata.AddExecution(id, "active", null, "Ingest new datasets from the instrument");

            var text = string.Concat(RunClean($"{script} | Format-Table | Out-String -Width 80").Output.Select(o => o.ToString()));
            var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToArray();

            Assert.All(lines, l => Assert.True(l.Length <= 80, $"wider than 80 columns: '{l}'"));
            Assert.Contains(lines, l => l.Contains(id) && l.Contains(status));
            Assert.DoesNotContain(lines, l => l.Contains('…') || l.Contains("..."));
        }

        [Fact]
        public void Both_Get_commands_declare_their_output_type_and_have_help_with_examples()
        {
            var result = RunClean(@"
                (Get-Command Get-SddcManagerTask).OutputType.Name
                (Get-Command Get-WorkflowExecution).OutputType.Name
                @(Get-Help Get-SddcManagerTask -Examples).examples.example.Count
                @(Get-Help Get-WorkflowExecution -Examples).examples.example.Count");

            var lines = result.Output.Select(o => o.ToString()).ToList();
            Assert.Equal(typeof(SddcManagerTask).FullName, lines[0]);
            Assert.Equal(typeof(WorkflowExecution).FullName, lines[1]);
            Assert.True(int.Parse(lines[2]) >= 3 && int.Parse(lines[3]) >= 3, string.Join(",", lines));
        }
    }
}
