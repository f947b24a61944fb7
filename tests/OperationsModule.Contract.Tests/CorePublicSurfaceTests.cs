using System.Linq;
using Xunit;

namespace OperationsModule.Contract.Tests
{
    /// <summary>
    /// Core's public types are the ones users meet in PowerShell (results, find types, exceptions, the session):
    /// implementation types stay internal, so they cannot become something scripts depend on.
    /// </summary>
    public sealed class CorePublicSurfaceTests
    {
        private static readonly string[] UserFacing =
        {
            "BigChangeJob", "CancellationResult", "CredentialRefusedException", "IncompleteSubmission", "InputValidationException",
            "OperationLinks", "OperationsApiException", "OperationsSession", "OperationsSystem", "OutputCreation",
            "OutputCreationOperation", "OutputCreationResult", "PagingException", "ResponseIncompleteException",
            "SddcManagerTask", "VendorError", "WorkflowExecution",
        };

        [Fact]
        public void Only_the_user_facing_types_of_Core_are_public()
        {
            var exported = CmdletMetadata.Instance.CoreAssembly.GetExportedTypes().Select(t => t.Name).OrderBy(n => n, System.StringComparer.Ordinal);
            Assert.Equal(UserFacing.OrderBy(n => n, System.StringComparer.Ordinal), exported);
        }
    }
}
