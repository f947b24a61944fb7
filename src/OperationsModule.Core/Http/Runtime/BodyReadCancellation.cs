using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;

namespace OperationsModule.Core.Http.Runtime
{
    /// <summary>What a failed exchange means once it is known which token, if any, fired.</summary>
    internal enum CancellationCause
    {
        /// <summary>No token fired (or the failure is no cancellation): an ordinary transport failure.</summary>
        None,

        /// <summary>The caller's token fired (Ctrl+C, StopProcessing): an OperationCanceledException.</summary>
        Caller,

        /// <summary>Only the attempt's own timeout fired: the Timeout error (-TimeoutSec).</summary>
        Timeout,
    }

    /// <summary>
    /// .NET reports a cancelled or timed-out body read as OperationCanceledException. .NET Framework's response stream
    /// ignores the token, and once aborted it fails with IOException ("Unable to read data from the transport
    /// connection"), WebException (RequestCanceled) or ObjectDisposedException instead. The cause is read from the
    /// tokens, not from the exception's type, so both runtimes give the same answer.
    /// </summary>
    internal static class BodyReadCancellation
    {
        public static CancellationCause Classify(Exception failure, CancellationToken callerToken, CancellationToken attemptToken)
        {
            if (failure is OperationCanceledException)
                return callerToken.IsCancellationRequested ? CancellationCause.Caller : CancellationCause.Timeout;
            if (!IsAbortedRead(failure)) return CancellationCause.None;
            if (callerToken.IsCancellationRequested) return CancellationCause.Caller;
            return attemptToken.IsCancellationRequested ? CancellationCause.Timeout : CancellationCause.None;
        }

        /// <summary>For CappedBodyReader: a read that failed because its token fired becomes OperationCanceledException.</summary>
        public static bool FailedBecauseCancelled(Exception failure, CancellationToken readToken) =>
            readToken.IsCancellationRequested && failure is not OperationCanceledException && IsAbortedRead(failure);

        /// <summary>What .NET Framework's aborted response stream throws.</summary>
        private static bool IsAbortedRead(Exception failure) =>
            failure is IOException or ObjectDisposedException or WebException or HttpRequestException;
    }
}
