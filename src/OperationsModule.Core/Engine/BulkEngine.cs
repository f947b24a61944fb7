using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Engine
{
    /// <summary>
    /// Runs items with at most ThrottleLimit in flight while the pipeline thread keeps ownership of all
    /// output: workers only enqueue messages, the pipeline thread drains them in completion order. Input
    /// is never buffered beyond the items in flight, so memory stays flat for any input length.
    /// Invariant: every added item yields exactly one output object or one failure (unless the run is stopped).
    /// </summary>
    public sealed class BulkEngine : IDisposable
    {
        private readonly int _throttleLimit;
        private readonly CancellationToken _cancellationToken;

        // A queue plus a counting signal rather than a BlockingCollection: work still finishing after a stop
        // (or after Dispose) can always enqueue without throwing, so no task ever faults unobserved.
        private readonly ConcurrentQueue<Message> _messages = new ConcurrentQueue<Message>();
        private readonly SemaphoreSlim _available = new SemaphoreSlim(0, int.MaxValue);
        private int _inFlight;
        private int _runningWork;

        public BulkEngine(int throttleLimit, CancellationToken cancellationToken)
        {
            if (throttleLimit < 1) throw new InputValidationException("ThrottleLimit", $"{throttleLimit} is less than 1.");
            _throttleLimit = throttleLimit;
            _cancellationToken = cancellationToken;
        }

        public int ThrottleLimit => _throttleLimit;

        /// <summary>Items started whose result has not been written yet (the only items the engine holds).</summary>
        public int InFlight => _inFlight;

        /// <summary>The most items ever held at once: never above ThrottleLimit, whatever the input length.</summary>
        public int PeakInFlight { get; private set; }

        /// <summary>Items started so far.</summary>
        public long Started { get; private set; }

        /// <summary>Items finished (output or failure) so far.</summary>
        public long Completed { get; private set; }

        /// <summary>
        /// Work not yet returned (written or not). After a stop it falls to zero as soon as every in-flight
        /// request has observed the cancellation; a request that ignored it would keep this above zero.
        /// </summary>
        public int RunningWork => Volatile.Read(ref _runningWork);

        /// <summary>True once the cancellation token fired: no item starts any more.</summary>
        public bool IsStopped => _cancellationToken.IsCancellationRequested;

        /// <summary>
        /// Starts one item, first waiting (and writing finished results) while the limit is reached.
        /// Returns false when the run was stopped before the item could start.
        /// </summary>
        public bool Add<TResult>(object? target, Func<ILogSink, CancellationToken, Task<TResult>> work, IOperationsOutput output)
            where TResult : class
        {
            while (_inFlight >= _throttleLimit)
                if (!Pump(output, block: true)) return false;
            if (_cancellationToken.IsCancellationRequested) return false;
            _inFlight++;
            Started++;
            if (_inFlight > PeakInFlight) PeakInFlight = _inFlight;
            Interlocked.Increment(ref _runningWork);
            // Started inline, not through Task.Run: the synchronous part (building the request) is cheap and
            // the pipeline thread would only wait otherwise; everything after the first await runs on the pool.
            _ = RunAsync(target, work, SinkFor(output));
            Flush(output);
            return true;
        }

        /// <summary>Writes whatever has finished, without waiting.</summary>
        public void Flush(IOperationsOutput output)
        {
            while (Pump(output, block: false)) { }
        }

        /// <summary>Waits for every item in flight, writing results as they finish. Returns early (false) when stopped.</summary>
        public bool Complete(IOperationsOutput output)
        {
            while (_inFlight > 0)
                if (!Pump(output, block: true)) return false;
            Flush(output);
            return true;
        }

        /// <summary>One shared silent sink when nobody listens: no per-item allocation, no formatted lines.</summary>
        private ILogSink SinkFor(IOperationsOutput output)
        {
            bool verbose = output.IsVerboseEnabled, debug = output.IsDebugEnabled;
            return verbose || debug ? new QueueLogSink(this, verbose, debug) : NullLogSink.Instance;
        }

        private async Task RunAsync<TResult>(object? target, Func<ILogSink, CancellationToken, Task<TResult>> work, ILogSink log)
            where TResult : class
        {
            Message completion;
            try
            {
                var result = await work(log, _cancellationToken).ConfigureAwait(false);
                completion = Message.Done(result, null);
            }
            catch (OperationsApiException ex)
            {
                completion = Message.Done(null, new Failure(ex, target));
            }
            catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
            {
                // Stopped (Ctrl+C): PowerShell discards further output, so the item ends silently.
                completion = Message.Done(null, null);
            }
            catch (Exception ex)
            {
                // Never lose an item to an unexpected exception: it still yields one record.
                completion = Message.Done(null, new Failure(new OperationsApiException(
                    $"Unexpected failure for '{target}': {ex.GetType().Name}: {ex.Message}", ErrorIds.UnexpectedResponse, ErrorCategoryName.InvalidResult, ex), target));
            }
            Post(completion);
            Interlocked.Decrement(ref _runningWork);
        }

        private void Post(Message message)
        {
            _messages.Enqueue(message);
            _available.Release();
        }

        /// <summary>Handles one message; false when there was none (non-blocking) or the run was stopped.</summary>
        private bool Pump(IOperationsOutput output, bool block)
        {
            if (block)
            {
                try
                {
                    _available.Wait(_cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }
            }
            else if (!_available.Wait(0))
            {
                return false;
            }
            // Every Release follows its Enqueue, so a taken signal always has its message.
            _messages.TryDequeue(out var message);
            switch (message.Kind)
            {
                case MessageKind.Verbose:
                    output.WriteVerbose(message.Text!);
                    break;
                case MessageKind.Debug:
                    output.WriteDebug(message.Text!);
                    break;
                case MessageKind.Done:
                    _inFlight--;
                    Completed++;
                    if (message.Failure is not null) output.WriteFailure(message.Failure);
                    else if (message.Result is not null) output.WriteObject(message.Result);
                    break;
            }
            return true;
        }

        /// <summary>
        /// Nothing to release: the signal uses no wait handle, and work still finishing after a stop must be
        /// able to post its (discarded) completion.
        /// </summary>
        public void Dispose() { }

        internal enum MessageKind { Verbose, Debug, Done }

        /// <summary>A struct, so queueing a completion allocates nothing beyond the queue's own segments.</summary>
        internal readonly struct Message
        {
            private Message(MessageKind kind, string? text, object? result, Failure? failure)
            {
                Kind = kind;
                Text = text;
                Result = result;
                Failure = failure;
            }

            public MessageKind Kind { get; }

            public string? Text { get; }

            public object? Result { get; }

            public Failure? Failure { get; }

            public static Message Log(MessageKind kind, string text) => new Message(kind, text, null, null);

            public static Message Done(object? result, Failure? failure) => new Message(MessageKind.Done, null, result, failure);
        }

        /// <summary>Verbose and debug lines from worker threads, replayed on the pipeline thread.</summary>
        private sealed class QueueLogSink : ILogSink
        {
            private readonly BulkEngine _engine;

            public QueueLogSink(BulkEngine engine, bool verbose, bool debug)
            {
                _engine = engine;
                IsVerboseEnabled = verbose;
                IsDebugEnabled = debug;
            }

            public bool IsDebugEnabled { get; }

            public bool IsVerboseEnabled { get; }

            public void WriteVerbose(string text)
            {
                if (IsVerboseEnabled) _engine.Post(Message.Log(MessageKind.Verbose, text));
            }

            public void WriteDebug(string text)
            {
                if (IsDebugEnabled) _engine.Post(Message.Log(MessageKind.Debug, text));
            }
        }
    }
}
