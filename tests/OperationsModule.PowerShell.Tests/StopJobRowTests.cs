using System.Linq;
using System.Management.Automation;
using OperationsModule.Core.Models;
using OperationsModule.PowerShell.Tests.Infrastructure;
using Xunit;

namespace OperationsModule.PowerShell.Tests
{
    /// <summary>
    /// Rows piped into Stop-Job are routed by what they are: a JobId property makes a BigChange job whatever its Id
    /// (int beside bigint in a DataTable, int beside Int64 in a [pscustomobject]); the local PowerShell jobs with those
    /// Ids keep running. Rows with only an Id still stop PowerShell jobs; a row that cannot be told apart stops nothing.
    /// </summary>
    public sealed class StopJobRowTests : RunspaceTest
    {
        public StopJobRowTests(SimulatorFixture simulator) : base(simulator)
        {
            RunClean(StandIns.LocalJobs);
            RunClean("$local = @((New-TestLocalJob), (New-TestLocalJob))");
            // As users meet it: a default BigChange session, and nothing typed that picks a parameter set.
            RunClean("Connect-OperationsServer -System BigChange @bc | Out-Null");
        }

        private string[] LocalJobStates() => RunClean("$local | ForEach-Object { $_.State.ToString() }").Output.Select(o => o.ToString()).ToArray();

        private string[] Cancels() => Simulator.Requests().Where(r => r.StartsWith("PUT /v1/jobs/")).OrderBy(r => r).ToArray();

        [Theory]
        [InlineData("[pscustomobject]@{ Id = [int]$local[0].Id; JobId = [long]1901; Reason = 'Duplicate' }, [pscustomobject]@{ Id = [int]$local[1].Id; JobId = [long]1902; Reason = 'Duplicate' }")]
        [InlineData("$table")]
        [InlineData("\"Id,JobId,Reason`n$($local[0].Id),1901,Duplicate`n$($local[1].Id),1902,Duplicate\" | ConvertFrom-Csv")]
        [InlineData("'[{\"Id\":' + $local[0].Id + ',\"JobId\":1901,\"Reason\":\"Duplicate\"},{\"Id\":' + $local[1].Id + ',\"JobId\":1902,\"Reason\":\"Duplicate\"}]' | ConvertFrom-Json")]
        public void Rows_with_an_Id_and_a_JobId_cancel_BigChange_jobs_and_leave_the_local_jobs_of_those_Ids_running(string rows)
        {
            Server.State.BigChange.AddJobs(new long[] { 1901, 1902 });
            RunClean(@"
                $table = [System.Data.DataTable]::new()
                [void]$table.Columns.Add('Id', [int]); [void]$table.Columns.Add('JobId', [long]); [void]$table.Columns.Add('Reason', [string])
                [void]$table.Rows.Add($local[0].Id, 1901, 'Duplicate'); [void]$table.Rows.Add($local[1].Id, 1902, 'Duplicate')");

            var result = RunClean($"{rows} | Stop-Job");

            Assert.Equal(new[] { "1901", "1902" }, result.Objects<CancellationResult>().Select(r => r.Id).OrderBy(i => i));
            Assert.Equal(new[] { "PUT /v1/jobs/1901/cancel", "PUT /v1/jobs/1902/cancel" }, Cancels());
            Assert.Equal(new[] { "Running", "Running" }, LocalJobStates());
        }

        [Fact]
        public void Rows_with_an_Id_and_a_JobId_but_no_local_jobs_of_those_Ids_cancel_the_BigChange_jobs_without_a_job_not_found_error()
        {
            Server.State.BigChange.AddJob(1903);

            var result = RunClean("[pscustomobject]@{ Id = [int]2147483003; JobId = [long]1903; Reason = 'r' } | Stop-Job");

            Assert.Equal("1903", result.Objects<CancellationResult>().Single().Id);
        }

        [Fact]
        public void Rows_with_only_an_Id_and_PowerShell_job_objects_still_stop_local_jobs()
        {
            var result = RunClean("[pscustomobject]@{ Id = $local[0].Id } | Stop-Job; $local[1] | Stop-Job");

            Assert.Empty(result.Output);
            Assert.Equal(new[] { "Stopped", "Stopped" }, LocalJobStates());
            Assert.Empty(Cancels());
        }

        [Theory]
        [InlineData("[pscustomobject]@{ Id = $local[0].Id; JobId = 'abc'; Reason = 'r' }", "'abc' is not a job ID")]
        [InlineData("[pscustomobject]@{ Id = $local[0].Id; JobId = $null; Reason = 'r' }", "the JobId is empty")]
        [InlineData("[pscustomobject]@{ Id = $local[0].Id; Reason = 'r' }", "only BigChange jobs take, but no JobId property")]
        public void A_row_whose_route_cannot_be_decided_is_one_clear_error_and_stops_nothing(string row, string said)
        {
            var result = Shell.Run($"{row} | Stop-Job");

            Assert.Null(result.Terminating);
            var error = Assert.Single(result.Errors);
            Assert.Contains(said, error.Exception.Message);
            Assert.Contains("nothing was stopped", error.Exception.Message, System.StringComparison.OrdinalIgnoreCase);
            Assert.Equal(new[] { "Running", "Running" }, LocalJobStates());
            Assert.DoesNotContain(Simulator.Requests(), r => r.StartsWith("PUT"));
        }
    }
}
