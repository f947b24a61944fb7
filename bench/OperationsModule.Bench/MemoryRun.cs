using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Output;
using OperationsModule.Core.Secrets;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.OLConnect;

namespace OperationsModule.Bench;

/// <summary>
/// Memory over a long pipeline: IDs are generated lazily (like Import-Csv), every one yields a record, and the
/// retained heap is sampled along the way. Unknown IDs (404) keep the simulator's own state from growing,
/// so what grows, if anything, is the module's.
/// </summary>
internal static class MemoryRun
{
    public static IReadOnlyList<(long Items, long RetainedBytes)> Run(Uri baseUri, string user, string password, long count, int concurrency, out int peakHeld, out int holdLimit)
    {
        var request = new ConnectionRequest(OperationsSystem.OLConnect)
        {
            BaseUri = baseUri.AbsoluteUri,
            Credential = new SecretCredential(user, SecretText.FromClearText(password)),
            AllowUnencryptedAuthentication = true,
        };
        var output = new SamplingOutput(count / 10);
        using (var command = new StopCommand(OutputCreationCancelEndpoint.Instance, new ConnectionPlan(request, new SessionStore()), concurrency, output, CancellationToken.None))
        {
            for (long i = 0; i < count; i++)
            {
                command.Process("unknown-" + i.ToString(CultureInfo.InvariantCulture));
                command.Flush();
            }
            command.Complete();
            peakHeld = command.Engine.PeakInFlight;
            holdLimit = command.Engine.HoldLimit;
        }
        if (output.Records != count) throw new InvalidOperationException($"memory run: {output.Records} records for {count} items");
        return output.Samples;
    }

    private sealed class SamplingOutput : IOperationsOutput
    {
        private readonly long _every;

        public SamplingOutput(long every) => _every = Math.Max(1, every);

        public long Records { get; private set; }

        public List<(long Items, long RetainedBytes)> Samples { get; } = new List<(long, long)>();

        public bool IsDebugEnabled => false;

        public bool IsVerboseEnabled => false;

        public void WriteObject(object item) => Count();

        public void WriteFailure(Failure failure) => Count();

        private void Count()
        {
            if (++Records % _every == 0) Samples.Add((Records, GC.GetTotalMemory(forceFullCollection: true)));
        }

        public void WriteWarning(string text) { }

        public void WriteProgress(ProgressInfo progress) { }

        public void WriteVerbose(string text) { }

        public void WriteDebug(string text) { }

        public bool ShouldProcess(string target, string action) => true;
    }
}
