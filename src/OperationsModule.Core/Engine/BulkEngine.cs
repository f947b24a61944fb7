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
        private readonly BlockingCollection<Message> _messages = new BlockingCollection<Message>(new ConcurrentQueue<Message>());
        private int _inFlight;

        public BulkEngine(int throttleLimit, CancellationToken cancellationToken)
        {
            if (throttleLimit < 1) throw new InputValidationException("ThrottleLimit", $"{throttleLimit} is less than 1.");
            _throttleLimit = throttleLimit;
            _cancellationToken = cancellationToken;
        }

        public int InFlight => _inFlight;

        /// <summary>Items finished (output or failure) so far.</summary>
        public long Completed { get; private set; }

        /// <summary>
        /// Starts one item, first waiting (and writing finished results) while the limit is reached.
        /// Returns false when the run was stopped before the item could start.
        /// </summary>
        public bool Add(object? target, Func<ILogSink, CancellationToken, Task<object>> work, IOperationsOutput output)
        {
            while (_inFlight >= _throttleLimit)
                if (!Pump(output, block: true)) return false;
            if (_cancellationToken.IsCancellationRequested) return false;
            _inFlight++;
            var log = new QueueLogSink(_messages, output.IsDebugEnabled);
            Task.Run(() => RunAsync(target, work, log));
            while (Pump(output, block: false)) { }
            return true;
        }

        /// <summary>Writes whatever has finished, without waiting.</summary>
        public void Flush(IOperationsOutput output)
        {
            while (Pump(output, block: false)) { }
        }

        /// <summary>Waits for every item in flight, writing results as they finish. Returns early when stopped.</summary>
        public void Complete(IOperationsOutput output)
        {
            while (_inFlight > 0)
                if (!Pump(output, block: true)) return;
            Flush(output);
        }

        private async Task RunAsync(object? target, Func<ILogSink, CancellationToken, Task<object>> work, QueueLogSink log)
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
                completion = Message.Done(null, null);
            }
            catch (Exception ex)
            {
                // Never lose an item to an unexpected exception: it still yields one record.
                completion = Message.Done(null, new Failure(new OperationsApiException(
                    $"Unexpected failure for '{target}': {ex.GetType().Name}: {ex.Message}", ErrorIds.UnexpectedResponse, ErrorCategoryName.InvalidResult, ex), target));
            }
            _messages.Add(completion);
        }

        /// <summary>Handles one message; false when there was none (non-blocking) or the run was stopped.</summary>
        private bool Pump(IOperationsOutput output, bool block)
        {
            Message message;
            if (block)
            {
                try
                {
                    message = _messages.Take(_cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }
            }
            else if (!_messages.TryTake(out message!))
            {
                return false;
            }
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

        public void Dispose() => _messages.Dispose();

        internal enum MessageKind { Verbose, Debug, Done }

        internal sealed class Message
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
            private readonly BlockingCollection<Message> _messages;

            public QueueLogSink(BlockingCollection<Message> messages, bool debug)
            {
                _messages = messages;
                IsDebugEnabled = debug;
            }

            public bool IsDebugEnabled { get; }

            public void WriteVerbose(string text) => _messages.Add(Message.Log(MessageKind.Verbose, text));

            public void WriteDebug(string text) => _messages.Add(Message.Log(MessageKind.Debug, text));
        }
    }
}
