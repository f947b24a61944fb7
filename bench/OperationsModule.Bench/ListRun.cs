using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Listing;
using OperationsModule.Core.Models;
using OperationsModule.Core.Output;
using OperationsModule.Core.Secrets;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.Vcf;
using OperationsModule.Simulator;

namespace OperationsModule.Bench;

/// <summary>
/// --list N: Get-SddcManagerTask's list path (every page of GET /v1/tasks, 100 per page, through the session's
/// transport) over N simulated tasks: items per second (median of the runs) and the retained heap sampled along a
/// 100 000-item list, which must stay flat because only the page in hand and the next one are held.
/// </summary>
internal static class ListRun
{
    public static int Report(SimulatorServer sim, int count, int repeat, int memoryItems)
    {
        sim.State.Vcf.AddTasks(Enumerable.Range(1, count).Select(i => "list-" + i.ToString("D7", CultureInfo.InvariantCulture)));
        Run(sim, count, null); // warm-up: JIT and the connection
        var rates = new List<double>();
        for (var r = 0; r < repeat; r++)
        {
            var clock = Stopwatch.StartNew();
            Run(sim, count, null);
            rates.Add(count / clock.Elapsed.TotalSeconds);
        }
        rates.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"List: {count:N0} VCF tasks in pages of {VcfTaskPageSource.PageSize}, {repeat} runs: median {rates[rates.Count / 2]:N0} items/s (min {rates[0]:N0}, max {rates[^1]:N0})."));

        if (memoryItems <= 0) return 0;
        sim.State.Vcf.AddTasks(Enumerable.Range(count + 1, Math.Max(0, memoryItems - count)).Select(i => "list-" + i.ToString("D7", CultureInfo.InvariantCulture)));
        var samples = new List<(long Items, long Bytes)>();
        Run(sim, memoryItems, samples);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Memory: one list of {memoryItems:N0} tasks, retained heap after a full GC (includes the simulator and its tasks):"));
        Console.WriteLine("| items listed | retained MB |");
        Console.WriteLine("|---:|---:|");
        foreach (var (items, bytes) in samples)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {items:N0} | {bytes / 1048576.0:0.0} |"));
        var growth = samples[^1].Bytes - samples[0].Bytes;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Growth from {samples[0].Items:N0} to {samples[^1].Items:N0} items: {(growth >= 0 ? "+" : "-")}{Math.Abs(growth) / 1048576.0:0.0} MB; process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MB."));
        return 0;
    }

    private static void Run(SimulatorServer sim, int expected, List<(long, long)>? samples)
    {
        var request = new ConnectionRequest(OperationsSystem.Vcf)
        {
            BaseUri = sim.BaseUri.AbsoluteUri,
            Credential = new SecretCredential(sim.Options.VcfUser, SecretText.FromClearText(sim.Options.VcfPassword)),
            AllowUnencryptedAuthentication = true,
        };
        var output = new CountingOutput(samples, Math.Max(1, expected / 10));
        using (var command = new FindCommand(new ConnectionPlan(request, new SessionStore()), 8, output, CancellationToken.None))
        {
            var connection = command.ConnectionFor();
            var filter = new VcfTaskFilter(null, null, null);
            command.List(new VcfTaskPageSource(connection, filter), connection, filter.Keep);
            command.Complete();
        }
        if (output.Failure is not null) throw new InvalidOperationException("list failed: " + output.Failure);
        if (output.Items < expected) throw new InvalidOperationException($"list gave {output.Items} of {expected} tasks");
    }

    /// <summary>Counts the tasks and drops them, as a pipeline that writes each to a file would.</summary>
    private sealed class CountingOutput : IOperationsOutput
    {
        private readonly List<(long, long)>? _samples;
        private readonly long _every;

        public CountingOutput(List<(long, long)>? samples, long every)
        {
            _samples = samples;
            _every = every;
        }

        public long Items { get; private set; }

        public string? Failure { get; private set; }

        public bool IsDebugEnabled => false;

        public bool IsVerboseEnabled => false;

        public void WriteObject(object item)
        {
            Items++;
            if (_samples is not null && Items % _every == 0)
                _samples.Add((Items, GC.GetTotalMemory(forceFullCollection: true)));
        }

        public void WriteFailure(Failure failure) => Failure = failure.ToString();

        public void WriteWarning(string text) { }

        public void WriteProgress(ProgressInfo progress) { }

        public bool ShouldProcess(string target, string action) => true;

        public void WriteVerbose(string text) { }

        public void WriteDebug(string text) { }
    }
}
