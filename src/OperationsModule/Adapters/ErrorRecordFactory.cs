using System;
using System.Management.Automation;
using OperationsModule.Core.Errors;

namespace OperationsModule.Adapters
{
    /// <summary>Converts Core's SMA-free Failure into an ErrorRecord; every field was decided by Core.</summary>
    internal static class ErrorRecordFactory
    {
        public static ErrorRecord Create(Failure failure)
        {
            var category = Enum.TryParse<ErrorCategory>(failure.Category, out var parsed) ? parsed : ErrorCategory.NotSpecified;
            return new ErrorRecord(failure.Exception, failure.ErrorId, category, failure.TargetObject)
            {
                ErrorDetails = new ErrorDetails(failure.DetailsMessage) { RecommendedAction = failure.RecommendedAction },
            };
        }

        public static ErrorRecord Create(OperationsApiException exception, object? target) => Create(new Failure(exception, target));
    }
}
