namespace OperationsModule.Core.Output
{
    /// <summary>
    /// What an output port may also tell Core: whether writing a failure ends (or pauses) the command. A port that
    /// does not implement it is taken to let the command go on after every failure.
    /// </summary>
    internal interface IErrorActionPort
    {
        /// <summary>
        /// True when the caller's effective error action stops at a failure (-ErrorAction or $ErrorActionPreference
        /// Stop, Inquire or Break). Read on the pipeline thread, once per command: a bulk run then lets no new
        /// request start after a failure and writes every result in flight before the failure itself.
        /// </summary>
        bool StopsAtFailure { get; }
    }

    /// <summary>Reads <see cref="IErrorActionPort"/> from any port.</summary>
    internal static class ErrorAction
    {
        public static bool StopsAtFailure(IOperationsOutput output) => output is IErrorActionPort port && port.StopsAtFailure;
    }
}
