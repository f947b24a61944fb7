using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Engine
{
    /// <summary>
    /// Runs items with at most ThrottleLimit requests executing while the pipeline thread keeps ownership
    /// of all output: workers only enqueue messages, the pipeline thread drains them in completion order.
    /// The engine holds at most <see cref="HoldLimit"/> items (executing, queued to start, or finished and not
    /// yet written): ThrottleLimit + max(ThrottleLimit, 64), so memory stays flat for any input length.
    /// Invariant: every added item yields exactly one output object or one failure; a stopped run hands what it never
    /// wrote to <see cref="TakeLeftovers"/> instead, so the caller can name it.
    /// </summary>
    /// <remarks>
    /// Why a small start queue: a worker that finishes has the next queued item started at once, from a thread-pool
    /// work item, the way an async loop's continuation would be. Were only the pipeline thread allowed to start items, every
    /// request would wait for that thread to wake up first (in the benchmark, 0.63x of a raw HttpClient loop at
    /// ThrottleLimit 8, against 0.9x or better with the queue). Started inline on the finishing thread instead, the
    /// module spent 7-10 µs more CPU per request than the raw loop at ThrottleLimit 32 (0.89x-0.96x); from the pool, 1-6 µs.
    /// The queue must be deep enough that the pipeline thread, woken late on a busy machine, has not let it
    /// run dry, and deep enough that it is woken rarely: it sleeps until half the queue has finished, and a wake-up
    /// per few requests was a measurable share of a request's CPU on two cores (at 16 queued, one per 8 at
    /// ThrottleLimit 8). Hence at least 64 even at ThrottleLimit 1; a slow server still sees its results written at
    /// least every <see cref="LongestBatchWait"/>. It is first in, first out, so ThrottleLimit 1
    /// stays strictly sequential and ordered. On a stop, queued items are dropped unsent.
    /// When the caller's error action stops at a failure (-ErrorAction Stop), a failure halts the run instead of
    /// being written at once: no queued item starts, every item already started is awaited and its result written,
    /// and only then the failure, which ends the command. Work the server did is never hidden behind the error.
    /// </remarks>
    internal sealed partial class BulkEngine : IDisposable
    {
        /// <summary>Items queued to start may number ThrottleLimit, but at least this many (see remarks).</summary>
        public const int MinimumQueued = 64;

        /// <summary>The longest the pipeline thread waits for a batch before writing what has finished: output keeps streaming.</summary>
        public static readonly TimeSpan LongestBatchWait = TimeSpan.FromMilliseconds(250);

        private readonly int _throttleLimit;
        private readonly int _holdLimit;
        private readonly CancellationToken _cancellationToken;
        private readonly bool _stopsAtFailure;

        // Set (any thread) when a failure must end the run once the work in flight is reported; cleared by the
        // pipeline thread only when writing the failures did not end the command (Inquire answered "Yes").
        private int _halted;

        // A queue plus a wake-up event rather than a BlockingCollection: work still finishing after a stop
        // (or after Dispose) can always enqueue without throwing, so no task ever faults unobserved. Workers
        // wake the pipeline thread only once as many messages wait as it asked for (a batch, not one each:
        // a thread wake-up per request is CPU taken from the requests on a small machine).
        private readonly ConcurrentQueue<Message> _messages = new ConcurrentQueue<Message>();
        private readonly ManualResetEventSlim _wake = new ManualResetEventSlim(false, spinCount: 1); // barely spin: spinning takes a core from the requests
        private int _messageCount;
        private int _wakeAt = int.MaxValue;

        // Lock-free: the pipeline thread and the workers both start queued items, and a lock shared by them
        // showed up as contention (spinning) on two cores.
        private readonly ConcurrentQueue<WorkItem> _queued = new ConcurrentQueue<WorkItem>();
        private int _running;
        private int _peakRunning;
        private long _started;

        // Pipeline thread only.
        private int _held;
        private long _doneReceived;
        // A failure of an item the engine holds counts as that item's completion when written; one found on the
        // pipeline thread (WriteFailure) was never the engine's item.
        private readonly Queue<(Failure Failure, bool EngineItem)> _heldFailures = new Queue<(Failure, bool)>();

        /// <param name="stopsAtFailure">The caller's error action stops at a failure (see <see cref="IErrorActionPort"/>).</param>
        public BulkEngine(int throttleLimit, CancellationToken cancellationToken, bool stopsAtFailure = false)
        {
            _stopsAtFailure = stopsAtFailure;
            if (throttleLimit < 1) throw new InputValidationException("ThrottleLimit", $"{throttleLimit} is less than 1.");
            _throttleLimit = throttleLimit;
            _holdLimit = checked(throttleLimit + Math.Max(throttleLimit, MinimumQueued));
            _cancellationToken = cancellationToken;
        }

        public int ThrottleLimit => _throttleLimit;

        /// <summary>The most items the engine holds at once (executing, queued, finished but unwritten).</summary>
        public int HoldLimit => _holdLimit;

        /// <summary>Items added whose result has not been written yet: all the engine holds (at most HoldLimit).</summary>
        public int InFlight => _held;

        /// <summary>The most items ever held at once.</summary>
        public int PeakInFlight { get; private set; }

        /// <summary>
        /// Work executing now (never above ThrottleLimit). After a stop it falls to zero as soon as every
        /// request has observed the cancellation; a request that ignored it would keep this above zero.
        /// </summary>
        public int Running => Volatile.Read(ref _running);

        /// <summary>The most requests ever executing at once: never above ThrottleLimit.</summary>
        public int PeakRunning => Volatile.Read(ref _peakRunning);

        /// <summary>Items whose work has started so far.</summary>
        public long Started => Interlocked.Read(ref _started);

        /// <summary>Items finished and written (output or failure) so far.</summary>
        public long Completed { get; private set; }

        /// <summary>True once the cancellation token fired: no item starts any more.</summary>
        public bool IsStopped => _cancellationToken.IsCancellationRequested;

        /// <summary>True while a failure holds the run: no item starts until the work in flight is reported.</summary>
        public bool IsHalted => Volatile.Read(ref _halted) != 0;

        /// <summary>
        /// Hands one item to the engine, first waiting (and writing finished results) while it holds its limit.
        /// Returns false when the run was stopped before the item could be taken.
        /// </summary>
        public bool Add<TResult>(object? target, Func<ILogSink, CancellationToken, Task<TResult>> work, IOperationsOutput output)
            where TResult : class =>
            Add(target, work, Same<TResult>.Shape, output);

        /// <summary>
        /// As <see cref="Add{TResult}"/>, for work whose answer still has to be shaped into its result (or failure):
        /// <paramref name="shape"/> runs on the worker as soon as the answer is in, in the work item's own async frame,
        /// so a cancel costs no frame of its own between the engine and the send pipeline.
        /// </summary>
        public bool Add<TAnswer, TResult>(object? target, Func<ILogSink, CancellationToken, Task<TAnswer>> work, Func<TAnswer, TResult> shape, IOperationsOutput output)
            where TResult : class
        {
            bool room;
            try
            {
                room = MakeRoom(output);
            }
            catch
            {
                // Writing a held failure ended the command (-ErrorAction Stop) before this item was taken.
                _notTaken.Add(target);
                throw;
            }
            if (!room)
            {
                _notTaken.Add(target);
                return false;
            }
            _held++;
            if (_held > PeakInFlight) PeakInFlight = _held;
            _queued.Enqueue(new WorkItem<TAnswer, TResult>(target, work, shape, SinkFor(output)));
            // Started inline when a slot is free, not through Task.Run: the synchronous part (building the
            // request) is cheap; everything after the first await runs on the pool.
            StartQueued();
            Flush(output);
            return true;
        }

        /// <summary>Waits (writing results) while the engine holds its limit; false when the run is stopped or drained.</summary>
        private bool MakeRoom(IOperationsOutput output)
        {
            while (_held >= _holdLimit)
            {
                // Sleep until half the queue has finished, then refill it: workers never run dry meanwhile.
                // A failure that halts the run wakes it early (Flush then settles the run).
                if (_drained || !WaitForMessages((_holdLimit - _throttleLimit) / 2, bounded: true)) return false;
                Flush(output);
            }
            // A piped item that arrives after a halting failure is never sent: settling writes the failure first.
            if (IsHalted) Settle(output, resume: true);
            return !_cancellationToken.IsCancellationRequested && !_drained;
        }

        /// <summary>
        /// Writes whatever has finished, without waiting; after a halting failure, waits for the work in flight
        /// and writes its results, then the failure.
        /// </summary>
        public void Flush(IOperationsOutput output)
        {
            WriteFinished(output);
            if (IsHalted) Settle(output, resume: true);
        }

        private void WriteFinished(IOperationsOutput output)
        {
            while (TryTakeMessage(out var message))
            {
                try
                {
                    Handle(message, output);
                }
                catch when (_cancellationToken.IsCancellationRequested)
                {
                    _refusedWrite = message;
                    throw;
                }
            }
        }

        /// <summary>Waits for every item held, writing results as they finish. Returns early (false) when stopped.</summary>
        public bool Complete(IOperationsOutput output)
        {
            while (_held > 0 && !_drained)
            {
                // One at a time here: at the end of the input, each result is written as soon as it exists.
                if (!WaitForMessages(1)) return false;
                Flush(output);
            }
            // Drained (a terminating error): the queued items were never sent.
            return _held == 0;
        }

        /// <summary>Starts queued items, in order, while fewer than ThrottleLimit run. Any thread may call it.</summary>
        private void StartQueued()
        {
            while (!_queued.IsEmpty && !_cancellationToken.IsCancellationRequested && !IsHalted)
            {
                var running = Volatile.Read(ref _running);
                if (running >= _throttleLimit) return;
                if (Interlocked.CompareExchange(ref _running, running + 1, running) != running) continue;
                // Read again after taking the slot: the slot may have been freed by the very item whose failure
                // halted the run, and the halt is set before that slot is freed.
                if (IsHalted)
                {
                    Interlocked.Decrement(ref _running);
                    return;
                }
                if (_queued.TryDequeue(out var item))
                {
                    RaisePeak(running + 1);
                    item.Start(this);
                }
                else
                {
                    // Another thread took the item first: give the slot back and look again.
                    Interlocked.Decrement(ref _running);
                }
            }
        }

        private void RaisePeak(int running)
        {
            int peak;
            while (running > (peak = Volatile.Read(ref _peakRunning)) && Interlocked.CompareExchange(ref _peakRunning, running, peak) != peak) { }
        }

        /// <summary>One shared silent sink when nobody listens: no per-item allocation, no formatted lines.</summary>
        private ILogSink SinkFor(IOperationsOutput output)
        {
            bool verbose = output.IsVerboseEnabled, debug = output.IsDebugEnabled;
            return verbose || debug ? new QueueLogSink(this, verbose, debug) : NullLogSink.Instance;
        }

        /// <summary>A worker finished: queue its record, start the next queued item on this thread, then wake the pipeline.</summary>
        private void Finish(Message completion)
        {
            // Halted before the slot is freed below, so no queued item can take the slot first.
            if (completion.Failure is not null && _stopsAtFailure) Interlocked.Exchange(ref _halted, 1);
            // Queued before the next item starts, so records keep completion order (input order at ThrottleLimit 1).
            _messages.Enqueue(completion);
            // Interlocked is a full fence: either this sees an item the pipeline just queued, or the pipeline
            // sees the freed slot, so no queued item is ever left waiting.
            Interlocked.Decrement(ref _running);
            // The next request starts from a thread-pool work item of its own, queued before the pipeline thread is
            // woken, keeping that wake-up off the critical path. Not inline: this thread is finishing a response the
            // socket engine handed it, and a send made here (on loopback, the peer's receive as well) held it from the
            // next completion; at ThrottleLimit 32 that cost 7-10 µs of CPU per request (see BulkEngine remarks).
            if (!_queued.IsEmpty) ThreadPool.UnsafeQueueUserWorkItem(StartQueuedOnPool, this);
            Signal();
        }

        private static readonly WaitCallback StartQueuedOnPool = engine => ((BulkEngine)engine!).StartQueued();

        private void Post(Message message)
        {
            _messages.Enqueue(message);
            Signal();
        }

        /// <summary>Counts a queued message; wakes the pipeline thread when it waits for this many.</summary>
        private void Signal()
        {
            // Interlocked is a full fence: either this sees the waiter's threshold or the waiter sees this count.
            // The exchange lets exactly one worker claim the wake-up: concurrent Set calls contend on a lock.
            // A halted run wakes the pipeline thread whatever it waits for: it has results to settle.
            if ((Interlocked.Increment(ref _messageCount) >= Volatile.Read(ref _wakeAt) || IsHalted)
                && Interlocked.Exchange(ref _wakeAt, int.MaxValue) != int.MaxValue)
                _wake.Set();
        }

        /// <summary>
        /// Blocks the pipeline thread until at least <paramref name="count"/> messages wait, or (when asked) the run
        /// is halted; false when stopped.
        /// </summary>
        /// <param name="bounded">Return after <see cref="LongestBatchWait"/> even with fewer messages (a batch that builds slowly).</param>
        private bool WaitForMessages(int count, bool wakeWhenHalted = true, bool bounded = false)
        {
            if (_cancellationToken.IsCancellationRequested) return false;
            count = Math.Max(1, count);
            try
            {
                while (Volatile.Read(ref _messageCount) < count && !(wakeWhenHalted && IsHalted))
                {
                    _wake.Reset();
                    // Interlocked is a full fence: either a halting worker sees this threshold and wakes us, or we see the halt.
                    Interlocked.Exchange(ref _wakeAt, count);
                    if (Volatile.Read(ref _messageCount) >= count || (wakeWhenHalted && IsHalted)) break;
                    if (!bounded) _wake.Wait(_cancellationToken);
                    // Timed out with something to write: write it, rather than keep finished results back.
                    else if (!_wake.Wait(LongestBatchWait, _cancellationToken) && Volatile.Read(ref _messageCount) > 0) break;
                }
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
            finally
            {
                Volatile.Write(ref _wakeAt, int.MaxValue);
            }
        }

        /// <summary>Writes one message on the pipeline thread.</summary>
        private void Handle(Message message, IOperationsOutput output)
        {
            switch (message.Kind)
            {
                case MessageKind.Verbose:
                    output.WriteVerbose(message.Text!);
                    break;
                case MessageKind.Debug:
                    output.WriteDebug(message.Text!);
                    break;
                case MessageKind.Done:
                case MessageKind.Abandoned:
                    _doneReceived++;
                    if (message.Failure is not null && _stopsAtFailure)
                    {
                        // Held until every result in flight is written (Settle).
                        _heldFailures.Enqueue((message.Failure, true));
                        Volatile.Write(ref _halted, 1);
                        break;
                    }
                    _held--;
                    Completed++;
                    // Cut short by the stop: nothing to write, the target is named with the other leftovers.
                    if (message.Kind == MessageKind.Abandoned) _abandoned.Add(message.Result);
                    else if (message.Failure is not null) output.WriteFailure(message.Failure);
                    else if (message.Result is not null) output.WriteObject(message.Result);
                    break;
            }
        }

        /// <summary>Takes the next message, keeping the count the pipeline thread's wake-up reads in step.</summary>
        private bool TryTakeMessage(out Message message)
        {
            if (!_messages.TryDequeue(out message)) return false;
            Interlocked.Decrement(ref _messageCount);
            return true;
        }

        /// <summary>
        /// Nothing to release: the event never creates a kernel handle (WaitHandle is never read), and work
        /// still finishing after a stop must be able to post its (discarded) completion.
        /// </summary>
        public void Dispose() { }

        private abstract class WorkItem
        {
            /// <summary>What a failure, or a warning about the item, names.</summary>
            public abstract object? Target { get; }

            public abstract void Start(BulkEngine engine);
        }

        private static class Same<TResult>
        {
            public static readonly Func<TResult, TResult> Shape = result => result;
        }

        private sealed class WorkItem<TAnswer, TResult> : WorkItem
            where TResult : class
        {
            private readonly object? _target;
            private readonly Func<ILogSink, CancellationToken, Task<TAnswer>> _work;
            private readonly Func<TAnswer, TResult> _shape;
            private readonly ILogSink _log;

            public WorkItem(object? target, Func<ILogSink, CancellationToken, Task<TAnswer>> work, Func<TAnswer, TResult> shape, ILogSink log)
            {
                _target = target;
                _work = work;
                _shape = shape;
                _log = log;
            }

            public override object? Target => _target;

            public override void Start(BulkEngine engine)
            {
                Interlocked.Increment(ref engine._started);
                _ = RunAsync(engine);
            }

            private async Task RunAsync(BulkEngine engine)
            {
                var token = engine._cancellationToken;
                Message completion;
                try
                {
                    var result = _shape(await _work(_log, token).ConfigureAwait(false));
                    completion = Message.Done(result, null);
                }
                catch (OperationsApiException ex)
                {
                    completion = Message.Done(null, new Failure(ex, _target));
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    // Stopped (Ctrl+C) with the request under way: whether the server acted on it is unknown.
                    completion = Message.Abandoned(_target);
                }
                catch (Exception ex)
                {
                    // Never lose an item to an unexpected exception: it still yields one record.
                    completion = Message.Done(null, new Failure(new OperationsApiException(
                        $"Unexpected failure for '{_target}': {ex.GetType().Name}: {ex.Message}", ErrorIds.UnexpectedResponse, ErrorCategoryName.InvalidResult, ex), _target));
                }
                engine.Finish(completion);
            }
        }

        /// <summary>Abandoned: an item whose work the stop cut short (its Result is the item's target).</summary>
        internal enum MessageKind { Verbose, Debug, Done, Abandoned }

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

            public static Message Abandoned(object? target) => new Message(MessageKind.Abandoned, null, target, null);
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
