using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Output
{
    /// <summary>An output port that passes everything to another; a stage overrides what it handles itself.</summary>
    internal abstract class ForwardingOutput : IOperationsOutput
    {
        private readonly IOperationsOutput _inner;

        protected ForwardingOutput(IOperationsOutput inner)
        {
            _inner = inner;
        }

        public bool IsDebugEnabled => _inner.IsDebugEnabled;

        public bool IsVerboseEnabled => _inner.IsVerboseEnabled;

        public virtual void WriteObject(object item) => _inner.WriteObject(item);

        public virtual void WriteFailure(Failure failure) => _inner.WriteFailure(failure);

        public void WriteWarning(string text) => _inner.WriteWarning(text);

        public void WriteProgress(ProgressInfo progress) => _inner.WriteProgress(progress);

        public bool ShouldProcess(string target, string action) => _inner.ShouldProcess(target, action);

        public void WriteVerbose(string text) => _inner.WriteVerbose(text);

        public void WriteDebug(string text) => _inner.WriteDebug(text);
    }
}
