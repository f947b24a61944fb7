using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Auth;
using OperationsModule.Core.Http;
using OperationsModule.Core.Http.Pipeline;
using OperationsModule.Core.Output;
using OperationsModule.Core.Secrets;

namespace OperationsModule.Bench;

/// <summary>
/// The send steps alone (--pipeline N): a cancel with Basic authentication through SendPipeline over an in-memory
/// sender that answers 204 after yielding once (as the wire would), against that sender called directly. No sockets
/// and no simulator, so the difference is the steps' own CPU and allocation per call, with little noise.
/// </summary>
internal static class PipelineRun
{
    public static void Report(int calls, int repeat, IReadOnlyList<int> levels, int types = 0)
    {
        var terminal = new YieldingSender();
        var basic = new BasicAuthenticator(new SecretCredential("bench", SecretText.FromClearText("bench-password")));
        using var transport = new SendPipeline(new HttpOptions { AllowUnencryptedAuthentication = true }, basic, terminal);
        var uri = new Uri("http://127.0.0.1:1/rest/serverengine/workflow/outputcreation/cancel/");
        Task<ApiResponse> Steps(int i) => transport.SendAsync(new ApiRequest(HttpMethod.Post, uri) { MayCreateWork = true }, NullLogSink.Instance, CancellationToken.None);
        Task<ApiResponse> Direct(int i) => terminal.SendAsync(new SendContext(new ApiRequest(HttpMethod.Post, uri) { MayCreateWork = true }, NullLogSink.Instance, CancellationToken.None));
        Console.WriteLine("| C | direct CPU µs/call | steps CPU µs/call | steps extra µs | direct B/call | steps B/call | steps extra B | bulk engine over steps CPU µs/call | B/call |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var c in levels)
        {
            for (var w = 0; w < 3; w++)
            {
                Measure(calls, c, Direct);
                Measure(calls, c, Steps);
            }
            var direct = new List<(double Cpu, double Bytes)>();
            var steps = new List<(double Cpu, double Bytes)>();
            for (var r = 0; r < repeat; r++)
            {
                direct.Add(Measure(calls, c, Direct));
                steps.Add(Measure(calls, c, Steps));
            }
            var bulk = new List<(double Cpu, double Bytes)>();
            for (var r = 0; r < repeat; r++) bulk.Add(MeasureBulk(calls, c, Steps));
            var (dc, db) = Median(direct);
            var (sc, sb) = Median(steps);
            var (bc, bb) = Median(bulk);
            Console.WriteLine($"| {c} | {dc:0.00} | {sc:0.00} | {sc - dc:0.00} | {db:0} | {sb:0} | {sb - db:0} | {bc:0.00} | {bb:0} |");
        }
        if (types > 0)
        {
            // What the steps' bytes per call are made of (allocation ticks), against the sender called directly.
            using var tally = new AllocationTally();
            var c = levels[levels.Count - 1];
            var direct = tally.Record(() => { for (var r = 0; r < repeat; r++) Measure(calls, c, Direct); });
            var steps = tally.Record(() => { for (var r = 0; r < repeat; r++) Measure(calls, c, Steps); });
            AllocationTally.Print(steps, direct, calls * repeat, types);
        }
    }

    private static (double Cpu, double Bytes) Median(List<(double Cpu, double Bytes)> runs)
    {
        runs.Sort((a, b) => a.Cpu.CompareTo(b.Cpu));
        var m = runs[runs.Count / 2];
        return m;
    }

    /// <summary>CPU µs and bytes per call for <paramref name="calls"/> calls, <paramref name="concurrency"/> at a time.</summary>
    private static (double Cpu, double Bytes) Measure(int calls, int concurrency, Func<int, Task<ApiResponse>> call) =>
        CostOf(Measurement.Of(calls, () => Task.WhenAll(Worker(calls / concurrency, call, concurrency)).GetAwaiter().GetResult()));

    private static (double Cpu, double Bytes) CostOf(Measurement measured) => (measured.CpuMicroseconds, measured.BytesPerRequest);

    /// <summary>The same calls fed one at a time through a BulkEngine of ThrottleLimit <paramref name="concurrency"/>, as a Stop-* cmdlet feeds it.</summary>
    private static (double Cpu, double Bytes) MeasureBulk(int calls, int concurrency, Func<int, Task<ApiResponse>> call) =>
        CostOf(Measurement.Of(calls, () =>
        {
            var output = new NullOutput();
            using (var engine = new OperationsModule.Core.Engine.BulkEngine(concurrency, CancellationToken.None))
            {
                for (var i = 0; i < calls; i++)
                {
                    var n = i;
                    engine.Add(n, (log, token) => call(n), output);
                    engine.Flush(output);
                }
                engine.Complete(output);
            }
            if (output.Objects != calls) throw new InvalidOperationException($"bulk: {output.Objects} of {calls}");
        }));

    private static IEnumerable<Task> Worker(int each, Func<int, Task<ApiResponse>> call, int concurrency)
    {
        for (var w = 0; w < concurrency; w++) yield return Loop(each, call);
    }

    private static async Task Loop(int each, Func<int, Task<ApiResponse>> call)
    {
        for (var i = 0; i < each; i++)
            if ((await call(i).ConfigureAwait(false)).StatusCode != 204) throw new InvalidOperationException("not a 204");
    }

    /// <summary>Answers 204 after one yield, so every step above it suspends and resumes as it would on the wire.</summary>
    private sealed class YieldingSender : ITerminalSender
    {
        private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoHeaders = new Dictionary<string, IReadOnlyList<string>>();

        public async Task<ApiResponse> SendAsync(SendContext context)
        {
            await Task.Yield();
            return new ApiResponse(204, "No Content", NoHeaders, string.Empty, null, context.Uri, TimeSpan.Zero, context.Attempt);
        }
    }
}
