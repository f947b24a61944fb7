using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Output
{
    /// <summary>
    /// The seam between Core and PowerShell. Each cmdlet implements it by forwarding to WriteObject,
    /// WriteError, WriteVerbose, ... ; tests implement it with a recorder. Called only on the pipeline thread.
    /// </summary>
    internal interface IOperationsOutput : ILogSink
    {
        void WriteObject(object item);

        void WriteFailure(Failure failure);

        void WriteWarning(string text);

        void WriteProgress(ProgressInfo progress);

        /// <summary>ShouldProcess: false under -WhatIf or when the user declines -Confirm.</summary>
        bool ShouldProcess(string target, string action);
    }

    /// <summary>Verbose and debug lines; safe to call from any thread when it is a queueing sink.</summary>
    internal interface ILogSink
    {
        /// <summary>False when nobody listens to debug (so request/response dumps are not even built).</summary>
        bool IsDebugEnabled { get; }

        /// <summary>False when nobody listens to verbose, so hot paths skip formatting lines nobody reads.</summary>
        bool IsVerboseEnabled { get; }

        void WriteVerbose(string text);

        void WriteDebug(string text);
    }
}
