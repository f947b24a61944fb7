using System.Collections.Concurrent;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Engine
{
    /// <summary>
    /// Collects verbose/debug lines written by async continuations (which may run off the pipeline thread)
    /// and replays them on the pipeline thread once the call is over.
    /// </summary>
    internal sealed class DeferredLogSink : ILogSink
    {
        private readonly IOperationsOutput _output;
        private readonly ConcurrentQueue<(bool Debug, string Text)> _lines = new ConcurrentQueue<(bool, string)>();

        public DeferredLogSink(IOperationsOutput output)
        {
            _output = output;
            // Captured here, on the pipeline thread; the sink itself is used from any thread.
            IsDebugEnabled = output.IsDebugEnabled;
        }

        public bool IsDebugEnabled { get; }

        public bool IsVerboseEnabled => _output.IsVerboseEnabled;

        public void WriteVerbose(string text) => _lines.Enqueue((false, text));

        public void WriteDebug(string text) => _lines.Enqueue((true, text));

        public void Replay()
        {
            while (_lines.TryDequeue(out var line))
            {
                if (line.Debug) _output.WriteDebug(line.Text);
                else _output.WriteVerbose(line.Text);
            }
        }
    }
}
