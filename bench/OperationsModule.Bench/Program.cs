using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using OperationsModule.Bench;
using OperationsModule.Simulator;

// Throughput of bulk cancellation: the module's engine against a raw HttpClient loop at the same
// concurrency, against the same in-process simulator, in the same run. Usage:
//   dotnet run -c Release --project bench/OperationsModule.Bench [-- --count 10000 --repeat 11 --concurrency 1,8,32 --memory-items 100000]
//   dotnet run -c Release --project bench/OperationsModule.Bench -- --scenario all    (the throttling rows)
//   dotnet run -c Release --project bench/OperationsModule.Bench -- --list 10000 --repeat 5    (the list rows)
var count = IntArg("--count", 10_000);
var repeat = IntArg("--repeat", 11);
var levels = (Arg("--concurrency") ?? "1,8,32").Split(',').Select(int.Parse).ToArray();

await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { JournalEnabled = false });
var user = sim.Options.OlConnectUser;
var password = sim.Options.OlConnectPassword;
var auth = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));
// The same wire requests as the module's: decompression on (Accept-Encoding), the same User-Agent, no
// cookies or redirects. Otherwise the ratio would partly measure header differences, not the engine.
using var raw = new HttpClient(new HttpClientHandler
{
    AllowAutoRedirect = false,
    UseCookies = false,
    AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate,
});
raw.DefaultRequestHeaders.UserAgent.TryParseAdd(new OperationsModule.Core.Http.HttpOptions().UserAgent);
var batch = 0;

// Fresh operations per run: a second cancel of the same operation would be a 404, not the same work.
List<string> Seed(int n)
{
    var prefix = "b" + (++batch).ToString(CultureInfo.InvariantCulture) + "-";
    var ids = new List<string>(n);
    for (var i = 0; i < n; i++)
    {
        var id = prefix + i.ToString(CultureInfo.InvariantCulture);
        sim.State.OlConnect.AddOperation(id);
        ids.Add(id);
    }
    return ids;
}

Measurement Raw(int n, int c)
{
    var ids = Seed(n);
    return Measure(n, () =>
    {
        var ok = RawBaseline.RunAsync(raw, sim.BaseUri, auth, ids, c).GetAwaiter().GetResult();
        if (ok != n) throw new InvalidOperationException($"raw loop: {ok} of {n} cancels succeeded");
    });
}

Measurement Engine(int n, int c)
{
    var ids = Seed(n);
    return Measure(n, () =>
    {
        var output = EngineRun.Run(sim.BaseUri, user, password, ids, c);
        if (output.Objects != n) throw new InvalidOperationException($"engine: {output.Objects} of {n} cancels succeeded; first failure: {output.FirstFailure}");
    });
}

// --scenario item-mix|outage|token-bucket|fixed-window|all: the throttling rows of issue 15 instead of the throughput
// bench (see bench/README.md). --rate-limit 50,200,1000 is the token-bucket row at those rates, as before.
var scenario = Arg("--scenario") ?? (Arg("--rate-limit") is null ? null : "token-bucket");
if (scenario is not null)
{
    try
    {
        return OperationsModule.Bench.Scenarios.ScenarioCommand.Run(sim, scenario, name => name == "--rates" ? Arg("--rates") ?? Arg("--rate-limit") : Arg(name));
    }
    catch (Exception ex) when (ex is ArgumentException or FormatException)
    {
        Console.Error.WriteLine(ex.Message);
        return 2;
    }
}

// --list N: the Get-SddcManagerTask list path instead (items/s over N tasks in pages of 100, memory over --memory-items).
if (Arg("--list") is { } listCount)
{
    return ListRun.Report(sim, int.Parse(listCount, CultureInfo.InvariantCulture), repeat, IntArg("--memory-items", 100_000));
}

// --split: CPU per request of the raw loop, the same loop over the module's transport, and the engine, at each C.
if (Arg("--split") is not null)
{
    var options = new OperationsModule.Core.Http.HttpOptions { AllowUnencryptedAuthentication = true };
    var basic = new OperationsModule.Core.Auth.BasicAuthenticator(new OperationsModule.Core.Secrets.SecretCredential(user, OperationsModule.Core.Secrets.SecretText.FromClearText(password)));
    using var transport = new OperationsModule.Core.Http.SendPipeline(options, basic);
    Measurement Loop(int n, int c)
    {
        var ids = Seed(n);
        return Measure(n, () =>
        {
            var ok = TransportLoop.RunAsync(transport, sim.BaseUri, ids, c).GetAwaiter().GetResult();
            if (ok != n) throw new InvalidOperationException($"transport loop: {ok} of {n} cancels succeeded");
        });
    }
    Measurement Bulk(int n, int c)
    {
        var ids = Seed(n);
        return Measure(n, () =>
        {
            var output = new NullOutput();
            using var engine = new OperationsModule.Core.Engine.BulkEngine(c, System.Threading.CancellationToken.None);
            foreach (var id in ids)
            {
                var request = new OperationsModule.Core.Http.ApiRequest(HttpMethod.Post, new Uri(sim.BaseUri, "rest/serverengine/workflow/outputcreation/cancel/" + Uri.EscapeDataString(id))) { MayCreateWork = true };
                engine.Add(id, (log, token) => transport.SendAsync(request, log, token), output);
            }
            engine.Complete(output);
            if (output.Objects != n) throw new InvalidOperationException($"bulk loop: {output.Objects} of {n} cancels succeeded");
        });
    }
    Console.WriteLine("| C | raw CPU µs/req | transport loop | bulk engine over transport | engine (StopCommand) | raw B/req | transport B/req | bulk B/req | engine B/req | raw req/s | transport | bulk | engine |");
    Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var c in levels)
    {
        for (var w = 0; w < 2; w++) { Raw(count, c); Loop(count, c); Bulk(count, c); Engine(count, c); }
        var (r, t, b, e) = (new List<Measurement>(), new List<Measurement>(), new List<Measurement>(), new List<Measurement>());
        for (var i = 0; i < repeat; i++) { r.Add(Raw(count, c)); t.Add(Loop(count, c)); b.Add(Bulk(count, c)); e.Add(Engine(count, c)); }
        double Cpu(List<Measurement> m) => m.Select(x => x.CpuMicroseconds).OrderBy(x => x).ElementAt(m.Count / 2);
        double Rate(List<Measurement> m) => m.Select(x => x.RequestsPerSecond).OrderBy(x => x).ElementAt(m.Count / 2);
        double Bytes(List<Measurement> m) => m.Select(x => x.BytesPerRequest).OrderBy(x => x).ElementAt(m.Count / 2);
        Console.WriteLine($"| {c} | {Cpu(r):0.0} | {Cpu(t):0.0} | {Cpu(b):0.0} | {Cpu(e):0.0} | {Bytes(r):0} | {Bytes(t):0} | {Bytes(b):0} | {Bytes(e):0} | {Rate(r):N0} | {Rate(t):N0} | {Rate(b):N0} | {Rate(e):N0} |");
    }
    return 0;
}

// --pipeline N: the send steps alone over an in-memory sender, against that sender called directly (CPU and bytes per call).
if (Arg("--pipeline") is { } pipelineCalls)
{
    PipelineRun.Report(int.Parse(pipelineCalls, CultureInfo.InvariantCulture), repeat, levels, IntArg("--alloc-types", 0));
    return 0;
}

// --alloc-types: which types make up each side's bytes per request (allocation ticks), engine against raw, at each C.
if (Arg("--alloc-types") is not null)
{
    using var tally = new AllocationTally();
    foreach (var c in levels)
    {
        for (var w = 0; w < 2; w++)
        {
            Raw(count, c);
            Engine(count, c);
        }
        var rawBytes = tally.Record(() => { for (var r = 0; r < repeat; r++) Raw(count, c); });
        var engineBytes = tally.Record(() => { for (var r = 0; r < repeat; r++) Engine(count, c); });
        Console.WriteLine($"C={c}, {count * repeat} requests per side:");
        AllocationTally.Print(engineBytes, rawBytes, count * repeat, IntArg("--alloc-types", 30));
    }
    return 0;
}

// --profile engine|raw: run one side only, for a profiler (dotnet-trace) to attach to.
if (Arg("--profile") is { } side)
{
    foreach (var c in levels)
        for (var r = 0; r < repeat; r++)
            Console.WriteLine($"{side} C={c}: {(side == "raw" ? Raw(count, c) : Engine(count, c)).RequestsPerSecond:N0} req/s");
    return 0;
}

Console.WriteLine($"Warming up ({sim.BaseUri}, journal off)...");
foreach (var c in levels)
{
    // Long enough for tiered JIT to finish promoting both paths (it waits for 100 ms of quiet, then recompiles).
    for (var w = 0; w < 2; w++)
    {
        Raw(count, c);
        Engine(count, c);
    }
}

var rows = new List<(int C, Measurement Raw, Measurement Engine, double Ratio)>();
foreach (var c in levels)
{
    var raws = new List<Measurement>();
    var engines = new List<Measurement>();
    var ratios = new List<double>();
    // Paired rounds in alternating order, so drift and background load hit both sides alike; the ratio is
    // the median of the per-round ratios (robust on a shared machine), the rates are medians too.
    for (var r = 0; r < repeat; r++)
    {
        Measurement rawRun, engineRun;
        if (r % 2 == 0)
        {
            rawRun = Raw(count, c);
            engineRun = Engine(count, c);
        }
        else
        {
            engineRun = Engine(count, c);
            rawRun = Raw(count, c);
        }
        raws.Add(rawRun);
        engines.Add(engineRun);
        ratios.Add(engineRun.RequestsPerSecond / rawRun.RequestsPerSecond);
    }
    rows.Add((c, Median(raws), Median(engines), ratios.OrderBy(x => x).ElementAt(ratios.Count / 2)));
    // The spread behind the median: on a shared two-core machine single rounds swing by a tenth or more.
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"C={c} rounds engine/raw, sorted: {string.Join(" ", ratios.OrderBy(x => x).Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)))}"));
}

Console.WriteLine();
Console.WriteLine($"{count} cancellations per run, {repeat} paired rounds per C (medians). Allocations are process-wide and include the");
Console.WriteLine("in-process simulator (the same on both sides), so 'engine extra' is the module's own cost per request.");
Console.WriteLine();
Console.WriteLine("| C | raw HttpClient req/s | engine req/s | engine/raw | raw CPU µs/req | engine CPU µs/req | raw alloc B/req | engine alloc B/req | engine extra B/req |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var (c, r, e, ratio) in rows)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {c} | {r.RequestsPerSecond:N0} | {e.RequestsPerSecond:N0} | {ratio:0.00}x | {r.CpuMicroseconds:N1} | {e.CpuMicroseconds:N1} | {r.BytesPerRequest:N0} | {e.BytesPerRequest:N0} | {e.BytesPerRequest - r.BytesPerRequest:N0} |"));
}
var memoryItems = IntArg("--memory-items", 100_000);
if (memoryItems > 0)
{
    var samples = MemoryRun.Run(sim.BaseUri, user, password, memoryItems, 32, out var peakHeld, out var holdLimit);
    Console.WriteLine();
    Console.WriteLine($"Memory: {memoryItems:N0} piped IDs at C=32 (each a 404 record), retained heap after a full GC (includes the simulator):");
    Console.WriteLine("| items | retained MB |");
    Console.WriteLine("|---:|---:|");
    foreach (var (items, bytes) in samples)
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {items:N0} | {bytes / 1048576.0:0.0} |"));
    var first = samples[0].RetainedBytes;
    var last = samples[^1].RetainedBytes;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Growth from {samples[0].Items:N0} to {samples[^1].Items:N0} items: {(last >= first ? "+" : "-")}{Math.Abs(last - first) / 1048576.0:0.0} MB; the engine held at most {peakHeld} items (limit {holdLimit})."));
}

var worst = rows.Min(row => row.Ratio);
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Target engine >= 0.90x raw at every C: {(worst >= 0.9 ? "met" : "NOT met")} (worst {worst:0.00}x)."));
Console.WriteLine($"Machine: {Environment.ProcessorCount} logical CPUs, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}{LoadAverage()}");
return worst >= 0.9 ? 0 : 1;

static string LoadAverage() => Machine.LoadAverage();

static Measurement Measure(int n, Action run) => Measurement.Of(n, run);

static Measurement Median(List<Measurement> runs) => runs.OrderBy(m => m.RequestsPerSecond).ElementAt(runs.Count / 2);

string? Arg(string name)
{
    var args = Environment.GetCommandLineArgs();
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

int IntArg(string name, int fallback) => Arg(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
