using System.Linq;
using System.Management.Automation;
using OperationsModule.Core.Models;
using OperationsModule.PowerShell.Tests.Infrastructure;
using Xunit;

namespace OperationsModule.PowerShell.Tests
{
    /// <summary>Which parameter set PowerShell resolves, seen from what the command then does.</summary>
    public sealed class ParameterSetTests : RunspaceTest
    {
        public ParameterSetTests(SimulatorFixture simulator) : base(simulator) { }

        [Fact]
        public void A_piped_operation_binds_whole_and_is_updated_in_place()
        {
            var result = RunClean(@"
                $submitted = Submit-OutputCreation -ConfigId 1001 -JobId 1, 2 @ol
                $done = $submitted | Wait-OutputCreation -PollIntervalSec 1
                [pscustomobject]@{ Same = [object]::ReferenceEquals($submitted, $done); JobIds = $done.JobIds; State = $submitted.State }");
            var summary = result.Output.Single();

            Assert.True((bool)summary.Properties["Same"].Value);
            Assert.Equal(new long[] { 1, 2 }, ((System.Collections.IEnumerable)summary.Properties["JobIds"].Value).Cast<object>().Select(o => (long)(o is PSObject p ? p.BaseObject : o)));
            Assert.Equal("Completed", summary.Properties["State"].Value.ToString());
        }

        [Theory]
        [InlineData("Wait-OutputCreation", "ByOperation")]
        [InlineData("Get-OutputCreationResult", "ByOperation")]
        [InlineData("Stop-Job", "SessionIdParameterSet")]
        public void Default_parameter_sets(string command, string expected) =>
            Assert.Equal(expected, RunClean($"(Get-Command {command} -Module OperationsModule).DefaultParameterSet").Output.Single().ToString());

        [Fact]
        public void An_ID_string_resolves_the_ById_set()
        {
            Server.State.OlConnect.AddOperation("set-1", progress: 100);
            var op = RunClean("'set-1' | Wait-OutputCreation @ol").Objects<OutputCreationOperation>().Single();

            Assert.Equal("set-1", op.OperationId);
            Assert.Null(op.ConfigId);
        }

        [Fact]
        public void Stop_Job_Id_goes_to_the_built_in_and_JobId_to_BigChange()
        {
            // Background jobs need a pwsh executable beside the hosted SDK, so the Pester suite stops real ones;
            // here the built-in's own answer for an unknown ID shows where -Id went.
            Server.State.BigChange.AddJob(31);
            var result = Shell.Run("Stop-Job -Id 2147483001; Stop-Job -JobId 31 -Reason 'x' @bc");

            Assert.Equal("JobWithSpecifiedSessionNotFound,OperationsModule.Cmdlets.StopJobCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.Equal("31", result.Objects<CancellationResult>().Single().Id);
            Assert.Equal(new[] { "PUT /v1/jobs/31/cancel" }, Simulator.Requests().Where(r => r.StartsWith("PUT")));
        }

        [Fact]
        public void A_positional_number_and_piped_JobId_rows_keep_their_meanings()
        {
            // Position 0 is the built-in's -Id; only a JobId property (or -JobId) reaches BigChange.
            Server.State.BigChange.AddJob(32);
            var result = Shell.Run("Stop-Job 2147483002; [pscustomobject]@{ JobId = 32; Reason = 'row' } | Stop-Job @bc");

            Assert.Equal("JobWithSpecifiedSessionNotFound,OperationsModule.Cmdlets.StopJobCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.Equal("32", result.Objects<CancellationResult>().Single().Id);
        }

        [Fact]
        public void A_BigChange_parameter_next_to_Id_is_refused_by_the_binder_before_anything_runs()
        {
            var result = Shell.Run("Stop-Job -Id 1 -BaseUri $sim");

            Assert.Equal("AmbiguousParameterSet,OperationsModule.Cmdlets.StopJobCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.Empty(Simulator.Requests());
        }

        [Theory]
        [InlineData("SessionIdParameterSet")]
        [InlineData("JobParameterSet")]
        [InlineData("NameParameterSet")]
        [InlineData("InstanceIdParameterSet")]
        [InlineData("StateParameterSet")]
        [InlineData("FilterParameterSet")]
        public void Stop_Job_built_in_sets_have_exactly_the_built_ins_parameters(string set)
        {
            var names = RunClean($@"
                $skip = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
                $ours = ((Get-Command Stop-Job -Module OperationsModule).ParameterSets | Where-Object Name -EQ '{set}').Parameters.Name | Where-Object {{ $_ -notin $skip }} | Sort-Object
                $theirs = ((Get-Command Microsoft.PowerShell.Core\Stop-Job -CommandType Cmdlet).ParameterSets | Where-Object Name -EQ '{set}').Parameters.Name | Where-Object {{ $_ -notin $skip }} | Sort-Object
                ($ours -join ','), ($theirs -join ',')").Output.Select(o => o.ToString()).ToList();

            Assert.NotEqual(string.Empty, names[0]);
            Assert.Equal(names[1], names[0]);
        }
    }
}
