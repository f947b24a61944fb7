using System;
using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Output
{
    /// <summary>
    /// Passes everything on and calls <c>report</c> after each result or failure: while a command waits for its last items,
    /// its progress bar keeps moving with them.
    /// </summary>
    internal sealed class ReportingOutput : ForwardingOutput
    {
        private readonly Action _report;

        public ReportingOutput(IOperationsOutput inner, Action report)
            : base(inner)
        {
            _report = report;
        }

        public override void WriteObject(object item)
        {
            base.WriteObject(item);
            _report();
        }

        public override void WriteFailure(Failure failure)
        {
            base.WriteFailure(failure);
            _report();
        }
    }
}
