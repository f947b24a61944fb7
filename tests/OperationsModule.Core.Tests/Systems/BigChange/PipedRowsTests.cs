using OperationsModule.Core.Systems.BigChange;
using Xunit;

namespace OperationsModule.Core.Tests.Systems.BigChange
{
    /// <summary>What a piped row is to Stop-Job, from its property names alone.</summary>
    public sealed class PipedRowsTests
    {
        [Theory]
        [InlineData(nameof(PipedRowKind.BigChangeJob), "Id", "JobId", "Reason")]
        [InlineData(nameof(PipedRowKind.BigChangeJob), "jobid")]
        [InlineData(nameof(PipedRowKind.BigChangeJob), "Name", "JobId", "State")]
        [InlineData(nameof(PipedRowKind.LeftToBinding), "Id")]
        [InlineData(nameof(PipedRowKind.LeftToBinding), "Name", "State")]
        [InlineData(nameof(PipedRowKind.LeftToBinding))]
        [InlineData(nameof(PipedRowKind.Undecidable), "Id", "Reason")]
        [InlineData(nameof(PipedRowKind.Undecidable), "Name", "CustomerId")]
        public void A_JobId_makes_a_BigChange_job_and_BigChange_properties_without_one_cannot_be_routed(string expected, params string[] properties) =>
            // By name: the kind is internal to Core, and a public test method cannot take it as a parameter.
            Assert.Equal(expected, PipedRows.Classify(properties).ToString());

        [Fact]
        public void The_refusals_say_what_was_found_and_that_nothing_was_stopped()
        {
            Assert.Contains("has Reason and CustomerId, which only BigChange jobs take, but no JobId property", PipedRows.UndecidableProblem("Row", new[] { "Id", "Reason", "CustomerId" }));
            Assert.Contains("its JobId 'abc' is not a job ID", PipedRows.UnusableJobIdProblem("Row", "abc"));
            Assert.Contains("the JobId is empty", PipedRows.UnusableJobIdProblem("Row", null));
            Assert.Contains("Nothing was stopped", PipedRows.UnusableJobIdProblem("Row", ""));
        }
    }
}
