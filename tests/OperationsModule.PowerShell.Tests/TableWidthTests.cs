using System;
using System.Linq;
using OperationsModule.PowerShell.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace OperationsModule.PowerShell.Tests
{
    /// <summary>
    /// The default table of every output type fits an 80-column console with the ID and the status
    /// whole, rendered from real objects the cmdlets wrote (Format-Table | Out-String -Width 80, as a console does).
    /// </summary>
    public sealed class TableWidthTests : RunspaceTest
    {
        private const string OnedataId = "11a53ed06d175c89bc3ed5be61f8217cch1890"; // Onedata's 38-character form
        private const string VcfId = "7e1c2eee-3177-4e3b-84db-bfebc83f386a";
        private readonly ITestOutputHelper _log;

        public TableWidthTests(SimulatorFixture simulator, ITestOutputHelper log) : base(simulator) => _log = log;

        /// <summary>The lines of the table as an 80-column console shows them.</summary>
        private string[] Table(string script)
        {
            var text = string.Concat(RunClean($"{script} | Format-Table | Out-String -Width 80").Output.Select(o => o.ToString()));
            _log.WriteLine(text);
            var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToArray();
            Assert.All(lines, l => Assert.True(l.Length <= 80, $"wider than 80 columns: '{l}'"));
            Assert.DoesNotContain(lines, l => l.Contains('…') || l.Contains("..."));
            return lines;
        }

        /// <summary>The header names the columns, and one row holds every expected value whole.</summary>
        private static void AssertRow(string[] lines, string[] columns, params string[] values)
        {
            var header = lines[0];
            Assert.All(columns, c => Assert.Matches($@"(^|\s){c}(\s|$)", header));
            Assert.Contains(lines.Skip(2), l => values.All(l.Contains));
        }

        [Theory]
        [InlineData("Stop-WorkflowExecution -ExecutionId '" + OnedataId + "' @od", OnedataId)]
        [InlineData("Stop-Task -TaskId '" + VcfId + "' @vcf", VcfId)]
        [InlineData("Stop-Job -JobId 1234567 -Reason 'Customer rescheduled' @bc", "1234567")]
        public void A_cancellation_keeps_its_ID_and_CancelRequested_whole(string script, string id)
        {
            Server.State.Onedata.AddExecution(OnedataId);
            Server.State.Vcf.AddTask(VcfId);
            Server.State.BigChange.AddJob(1234567, customerId: 4242);

            AssertRow(Table(script), new[] { "System", "Id", "Status", "RequestedAt" }, id, "CancelRequested");
        }

        [Fact]
        public void An_operation_keeps_its_ID_and_state_whole_submitted_and_completed()
        {
            var submitted = Table("Submit-OutputCreation -ConfigId 'Invoices-Preset' -JobId 1, 2, 3 @ol");
            AssertRow(submitted, new[] { "OperationId", "State", "Percent", "Jobs", "ConfigId", "SubmittedAt" }, "Submitted", "Invoices-Preset");

            var completed = Table("Submit-OutputCreation -ConfigId 'Invoices-Preset' -JobId 1 -Wait -PollIntervalSec 1 @ol");
            AssertRow(completed, new[] { "OperationId", "State" }, "Completed", "100");
        }

        [Fact]
        public void A_result_keeps_its_ID_and_path_whole()
        {
            Server.State.OlConnect.AddOperation("5001", progress: 100);

            AssertRow(Table("Get-OutputCreationResult -OperationId 5001 @ol"), new[] { "OperationId", "Result", "Length", "RetrievedAt" },
                "5001", "/var/olconnect/output/5001/out.pdf");
        }

        [Fact]
        public void A_BigChange_job_and_an_OL_Connect_operation_keep_their_ID_and_status_whole()
        {
            Server.State.BigChange.SeedJob(1234567890, "completedWithIssues", reference: "JOB-REF-000123");
            Server.State.OlConnect.AddOperation("f7a3c9e2-1111-2222-3333-444455556666", progress: 35);

            AssertRow(Table("Get-BigChangeJob @bc -JobId 1234567890"), new[] { "JobId", "Status", "StartAt", "Cancellable", "Reference" },
                "1234567890", "completedWithIssues", "False", "JOB-REF-000123");
            AssertRow(Table("Get-OutputCreation @ol"), new[] { "OperationId", "Status", "Percent", "SubTask", "StartedAt" },
                "f7a3c9e2-1111-2222-3333-444455556666", "Running", "35");
        }

        [Fact]
        public void A_session_keeps_every_column_with_CreatedAt()
        {
            var lines = Table("Connect-OperationsServer -System Vcf @vcf -PassThru");

            AssertRow(lines, new[] { "System", "BaseUri", "AuthenticationKind", "UserName", "CreatedAt" }, "Vcf", Simulator.BaseUri.ToString(), "Login");
            Assert.Matches(@"\d\d:\d\d:\d\d\s*$", lines[2]);
            // A user name longer than its column wraps onto the next lines: every character is there, none cut.
            var column = lines[0].IndexOf("UserName", StringComparison.Ordinal);
            var wrapped = string.Concat(lines.Skip(2).Select(l => l.Length > column ? l.Substring(column, Math.Min(12, l.Length - column)).Trim() : string.Empty));
            Assert.Equal(Accounts.Vcf.UserName, wrapped);
        }
    }
}
