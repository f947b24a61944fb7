using System.Management.Automation;
using OperationsModule.Core.Errors;
using OperationsModule.PowerShell.Tests.Infrastructure;
using Xunit;

namespace OperationsModule.PowerShell.Tests
{
    /// <summary>
    /// Refusals as the user reads them: the record's message, ErrorDetails and TargetObject name the real cause (the
    /// unknown job of a Submit, the state of a BigChange job), never the wrong object or a JSON member nobody sees.
    /// </summary>
    public sealed class VendorRefusalWordingTests : RunspaceTest
    {
        public VendorRefusalWordingTests(SimulatorFixture simulator) : base(simulator) { }

        [Fact]
        public void A_Submit_naming_an_unknown_job_names_it_in_the_message_and_TargetObject()
        {
            var result = Shell.Run("Submit-OutputCreation -ConfigId Invoices-Preset -JobId 1, 555, 2 @ol; $Error[0].ToString()");

            var error = Assert.Single(result.Errors);
            Assert.Equal("NotFound,OperationsModule.Cmdlets.SubmitOutputCreationCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal(new[] { 555L }, Assert.IsType<long[]>(error.TargetObject));
            Assert.Contains("OL Connect does not know job 555", error.Exception.Message);
            Assert.Equal("Job entity not found (job 555).", error.ErrorDetails.Message);
            Assert.Contains("job 555", error.ErrorDetails.RecommendedAction);
            // What the error view prints (ErrorDetails wins over the exception's message).
            Assert.Contains("555", Assert.Single(result.Output).ToString());
        }

        [Fact]
        public void A_BigChange_job_that_is_already_cancelled_is_said_as_its_state_with_no_errors_property()
        {
            Server.State.BigChange.AddJob(1005, "cancelled");

            var result = Shell.Run("Stop-Job -JobId 1005 -Reason 'Duplicate' @bc; $Error[0].ToString()");

            var error = Assert.Single(result.Errors);
            Assert.Equal("ValidationFailed,OperationsModule.Cmdlets.StopJobCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Equal("1005", error.TargetObject);
            Assert.Equal("Job 1005 has status 'cancelled' and cannot be cancelled.", error.ErrorDetails.Message);
            Assert.StartsWith("The job's state does not allow a cancel", error.ErrorDetails.RecommendedAction);
            var shown = Assert.Single(result.Output).ToString() + error.Exception.Message + error.ErrorDetails.RecommendedAction;
            Assert.DoesNotContain("errors property", shown, System.StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Correct the field", shown);
            Assert.Contains("cannot be cancelled", ((OperationsApiException)error.Exception).VendorError!.FieldErrors["jobId"][0]);
        }
    }
}
