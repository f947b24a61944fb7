using OperationsModule.Core.Errors;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Sessions
{
    /// <summary>Where a close reports when nobody can be told (a session disposed outside any command).</summary>
    internal sealed class SilentOutput : IOperationsOutput
    {
        public static readonly SilentOutput Instance = new SilentOutput();

        public bool IsDebugEnabled => false;

        public bool IsVerboseEnabled => false;

        public void WriteVerbose(string text) { }

        public void WriteDebug(string text) { }

        public void WriteObject(object item) { }

        public void WriteFailure(Failure failure) { }

        public void WriteWarning(string text) { }

        public void WriteProgress(ProgressInfo progress) { }

        public bool ShouldProcess(string target, string action) => false;
    }
}
