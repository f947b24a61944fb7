using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Tests.Infrastructure
{
    /// <summary>The test double of a cmdlet: records everything Core writes to the output port.</summary>
    internal sealed class RecordingOutput : IOperationsOutput, IErrorActionPort
    {
        public ConcurrentQueue<object> Objects { get; } = new ConcurrentQueue<object>();

        public ConcurrentQueue<Failure> Failures { get; } = new ConcurrentQueue<Failure>();

        public ConcurrentQueue<string> Verbose { get; } = new ConcurrentQueue<string>();

        public ConcurrentQueue<string> Debug { get; } = new ConcurrentQueue<string>();

        public ConcurrentQueue<string> Warnings { get; } = new ConcurrentQueue<string>();

        public ConcurrentQueue<ProgressInfo> Progress { get; } = new ConcurrentQueue<ProgressInfo>();

        public ConcurrentQueue<(string Target, string Action)> ShouldProcessCalls { get; } = new ConcurrentQueue<(string, string)>();

        /// <summary>False simulates -WhatIf (or a declined -Confirm).</summary>
        public bool Approve { get; set; } = true;

        public bool IsDebugEnabled { get; set; } = true;

        public bool IsVerboseEnabled { get; set; } = true;

        /// <summary>The caller's error action stops at a failure (-ErrorAction Stop or Inquire).</summary>
        public bool StopsAtFailure { get; set; }

        /// <summary>WriteFailure throws after recording, as WriteError does under -ErrorAction Stop.</summary>
        public bool FailureTerminates { get; set; }

        /// <summary>Results and failures in the order written.</summary>
        public ConcurrentQueue<object> Written { get; } = new ConcurrentQueue<object>();

        /// <summary>The thread that owns output; Core must only write from it.</summary>
        public int? PipelineThreadId { get; set; }

        public int WritesOffPipelineThread { get; private set; }

        public void WriteObject(object item) { Check(); Objects.Enqueue(item); Written.Enqueue(item); }

        public void WriteFailure(Failure failure)
        {
            Check();
            Failures.Enqueue(failure);
            Written.Enqueue(failure);
            if (FailureTerminates) throw new TerminatedByFailureException(failure);
        }

        public void WriteVerbose(string text) { Check(); Verbose.Enqueue(text); }

        public void WriteDebug(string text) { Check(); Debug.Enqueue(text); }

        public void WriteWarning(string text) { Check(); Warnings.Enqueue(text); }

        public void WriteProgress(ProgressInfo progress) { Check(); Progress.Enqueue(progress); }

        public bool ShouldProcess(string target, string action)
        {
            Check();
            ShouldProcessCalls.Enqueue((target, action));
            return Approve;
        }

        public T Single<T>() => Objects.OfType<T>().Single();

        /// <summary>Everything written, as text: for leak searches.</summary>
        public IEnumerable<string> AllText() =>
            Objects.Select(o => o.ToString() ?? string.Empty)
                .Concat(Failures.SelectMany(f => new[] { f.ToString(), f.DetailsMessage, f.RecommendedAction ?? string.Empty, f.Exception.ToString(), f.Exception.RawBody ?? string.Empty, f.Exception.RequestUri?.ToString() ?? string.Empty }))
                .Concat(Verbose).Concat(Debug).Concat(Warnings)
                .Concat(ShouldProcessCalls.Select(c => c.Target + " " + c.Action));

        private void Check()
        {
            if (PipelineThreadId is { } id && id != System.Environment.CurrentManagedThreadId) WritesOffPipelineThread++;
        }
    }
}
