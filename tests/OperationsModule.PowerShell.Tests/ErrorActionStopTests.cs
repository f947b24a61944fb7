using System;
using System.Linq;
using OperationsModule.PowerShell.Tests.Infrastructure;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.PowerShell.Tests
{
    /// <summary>
    /// -ErrorAction Stop never hides work: every item the server cancelled is in the output before the terminating
    /// error, and at -ThrottleLimit 1 nothing after the failing item is sent.
    /// </summary>
    public sealed class ErrorActionStopTests : RunspaceTest
    {
        public ErrorActionStopTests(SimulatorFixture simulator) : base(simulator) { }

        private static readonly string[] TaskIds = Enumerable.Range(1, 40).Select(i => $"t-{i:00}").ToArray();

        /// <summary>Runs a script that collects the output written before the error into $out and catches it into $caught.</summary>
        private (string[] Reported, string? CaughtErrorId, object? CaughtTarget) RunCatching(string command)
        {
            var result = Shell.Run($@"
                $out = [System.Collections.Generic.List[object]]::new()
                $caught = $null
                try {{ {command} | ForEach-Object {{ $out.Add($_) }} }} catch {{ $caught = $_ }}
                [pscustomobject]@{{ Reported = @($out | ForEach-Object Id); Id = $caught.FullyQualifiedErrorId; Target = $caught.TargetObject }}");
            Assert.Null(result.Terminating);
            var summary = Assert.Single(result.Output);
            var reported = ((object[])summary.Properties["Reported"].Value).Select(o => o.ToString()!).ToArray();
            return (reported, summary.Properties["Id"].Value as string, summary.Properties["Target"].Value);
        }

        /// <summary>The task IDs the server cancelled (their state is CANCELLED now).</summary>
        private string[] CancelledOnServer() =>
            TaskIds.Where(id => Server.State.Vcf.GetStatus(id) is { } s && s.StartsWith("CANCEL", StringComparison.Ordinal)).ToArray();

        private string[] CancelRequests() =>
            Simulator.Requests().Where(r => r.StartsWith("DELETE /v1/tasks/", StringComparison.Ordinal)).Select(r => r.Substring("DELETE /v1/tasks/".Length)).ToArray();

        private string IdList(int unknownAt) =>
            string.Join(",", TaskIds.Select((id, i) => i == unknownAt ? "'no-such-task'" : $"'{id}'"));

        [Fact]
        public void ThrottleLimit_1_with_ErrorAction_Stop_reports_every_cancel_and_sends_nothing_after_the_unknown_ID()
        {
            Server.State.Vcf.AddTasks(TaskIds);

            var (reported, errorId, target) = RunCatching($"Stop-Task -TaskId {IdList(unknownAt: 3)} @vcf -ThrottleLimit 1 -ErrorAction Stop");

            Assert.Equal("NotFound,OperationsModule.Cmdlets.StopTaskCommand", errorId);
            Assert.Equal("no-such-task", target);
            Assert.Equal(TaskIds.Take(3), reported);
            Assert.Equal(TaskIds.Take(3), CancelledOnServer());
            Assert.Equal(TaskIds.Take(3).Append("no-such-task"), CancelRequests());
        }

        [Fact]
        public void The_IDs_of_a_typed_list_that_the_error_left_unsent_are_named_in_one_warning()
        {
            Server.State.Vcf.AddTasks(TaskIds);

            var (reported, _, target) = RunCatching($"Stop-Task -TaskId {IdList(unknownAt: 3)} @vcf -ThrottleLimit 1 -ErrorAction Stop");

            // Three reported, one error, and the 36 after it named: every ID typed is accounted for, in order.
            Assert.Equal(3, reported.Length);
            Assert.Equal("no-such-task", target);
            var warning = Assert.Single(Shell.Host.Recorder.Lines, l => l.StartsWith("WARNING: Stopped "));
            Assert.Equal("WARNING: Stopped before sending the cancels of 36 Vcf Task items, so the server never received them: "
                + string.Join(", ", TaskIds.Skip(4).Take(20).Select(id => $"'{id}'")) + " and 16 more.", warning);
        }

        [Fact]
        public void Piped_IDs_with_the_preference_variable_report_every_cancel_before_the_error()
        {
            Server.State.Vcf.AddTasks(TaskIds);
            // Uneven latency keeps several cancels in flight when the unknown ID's 404 comes back.
            Server.Faults.Add(FaultAction.Latency(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(40)), pathPattern: "/v1/tasks/t-");

            var (reported, errorId, _) = RunCatching($"& {{ $ErrorActionPreference = 'Stop'; {IdList(unknownAt: 3)} | Stop-Task @vcf }}");

            Assert.Equal("NotFound,OperationsModule.Cmdlets.StopTaskCommand", errorId);
            Assert.Equal(CancelledOnServer(), reported.OrderBy(id => id, StringComparer.Ordinal));
            Assert.NotEmpty(reported);
        }

        [Fact]
        public void Piped_IDs_at_ThrottleLimit_1_with_the_preference_send_nothing_after_the_failure()
        {
            Server.State.Vcf.AddTasks(TaskIds);

            var (reported, errorId, _) = RunCatching($"& {{ $ErrorActionPreference = 'Stop'; {IdList(unknownAt: 5)} | Stop-Task @vcf -ThrottleLimit 1 }}");

            Assert.Equal("NotFound,OperationsModule.Cmdlets.StopTaskCommand", errorId);
            Assert.Equal(TaskIds.Take(5), reported);
            Assert.Equal(TaskIds.Take(5).Append("no-such-task"), CancelRequests());
        }

        [Theory]
        [InlineData("Stop-WorkflowExecution -ExecutionId {0} @od -ErrorAction Stop", "od")]
        [InlineData("Stop-OutputCreation -OperationId {0} @ol -ErrorAction Stop", "ol")]
        [InlineData("Stop-Job -JobId {0} @bc -Reason 'audit' -ErrorAction Stop", "bc")]
        public void Every_bulk_command_reports_the_work_in_flight_before_the_error(string template, string system)
        {
            var ids = Seed(system);
            var list = string.Join(",", ids.Select((id, i) => i == 2 ? Unknown(system) : Quote(system, id)));

            var (reported, errorId, _) = RunCatching(string.Format(template, list) + " -ThrottleLimit 1");

            Assert.StartsWith("NotFound,", errorId);
            Assert.Equal(ids.Take(2), reported);
            Assert.Equal(3, Simulator.Requests().Count(r => IsCancel(system, r)));
        }

        [Fact]
        public void ErrorAction_Continue_still_goes_on_after_a_failure()
        {
            Server.State.Vcf.AddTasks(TaskIds);

            var result = Shell.Run($"Stop-Task -TaskId {IdList(unknownAt: 3)} @vcf -ThrottleLimit 1");

            Assert.Equal(TaskIds.Length - 1, result.Output.Count);
            Assert.Single(result.Errors);
        }

        private string[] Seed(string system)
        {
            var ids = Enumerable.Range(1, 8).Select(i => i.ToString()).ToArray();
            switch (system)
            {
                case "od":
                    ids = ids.Select(i => "wx-" + i).ToArray();
                    foreach (var id in ids) Server.State.Onedata.AddExecution(id);
                    break;
                case "ol":
                    ids = ids.Select(i => "op-" + i).ToArray();
                    foreach (var id in ids) Server.State.OlConnect.AddOperation(id);
                    break;
                default:
                    ids = ids.Select(i => (7000 + int.Parse(i)).ToString()).ToArray();
                    foreach (var id in ids) Server.State.BigChange.AddJob(long.Parse(id), customerId: 4242);
                    break;
            }
            return ids;
        }

        private static string Unknown(string system) => system == "bc" ? "999999" : "'no-such-item'";

        private static string Quote(string system, string id) => system == "bc" ? id : $"'{id}'";

        private static bool IsCancel(string system, string request) => system switch
        {
            "od" => request.StartsWith("POST /api/v3/oneprovider/automation/execution/workflows/", StringComparison.Ordinal) && request.EndsWith("/cancel", StringComparison.Ordinal),
            "ol" => request.Contains("/outputcreation/cancel/", StringComparison.Ordinal),
            _ => request.StartsWith("PUT /v1/jobs/", StringComparison.Ordinal),
        };
    }
}
