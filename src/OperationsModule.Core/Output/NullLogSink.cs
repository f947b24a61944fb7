namespace OperationsModule.Core.Output
{
    internal sealed class NullLogSink : ILogSink
    {
        public static readonly NullLogSink Instance = new NullLogSink();

        public bool IsDebugEnabled => false;

        public bool IsVerboseEnabled => false;

        public void WriteVerbose(string text) { }

        public void WriteDebug(string text) { }
    }
}
