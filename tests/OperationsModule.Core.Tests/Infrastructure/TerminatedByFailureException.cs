using System;
using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Tests.Infrastructure
{
    /// <summary>What RecordingOutput throws from WriteFailure to stand for PowerShell's ActionPreferenceStopException.</summary>
    internal sealed class TerminatedByFailureException : Exception
    {
        public TerminatedByFailureException(Failure failure) : base("The failure ended the command (-ErrorAction Stop).") => Failure = failure;

        public Failure Failure { get; }
    }
}
