using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using OperationsModule.Simulator;

namespace OperationsModule.Bench;

/// <summary>
/// Stop-OutputCreation -ThrottleLimit 32 with the default retries against a simulator that admits R requests/s
/// (token bucket, 429 with Retry-After above that), with adaptive throttling on (new) and off (the old behaviour).
/// </summary>
internal static class RateLimitRun
{
    public const int ThrottleLimit = 32;

    public readonly record struct Result(int Rate, bool Adaptive, int Items, long Lost, long Refused, long Admitted, double Seconds)
    {
        public double RefusedShare => Refused / (double)Math.Max(1, Refused + Admitted);

        public double ThroughputPerRate => (Items - Lost) / Seconds / Rate;
    }

    public static Result Run(SimulatorServer sim, Func<int, List<string>> seed, int rate, int burst, string retryAfter, int secondsOfWork, bool adaptive)
    {
        var ids = seed(rate * secondsOfWork);
        sim.Faults.Clear();
        var bucket = FaultAction.RateLimit(rate, burst, 429, retryAfter);
        sim.Faults.Add(bucket, pathPattern: "/cancel/");
        var clock = Stopwatch.StartNew();
        var output = EngineRun.Run(sim.BaseUri, sim.Options.OlConnectUser, sim.Options.OlConnectPassword, ids, ThrottleLimit, adaptive);
        clock.Stop();
        sim.Faults.Clear();
        if (output.Objects + output.Failures != ids.Count)
            throw new InvalidOperationException($"{ids.Count} items gave {output.Objects} results and {output.Failures} errors");
        return new Result(rate, adaptive, ids.Count, output.Failures, bucket.Refused, bucket.Admitted, clock.Elapsed.TotalSeconds);
    }

    public static void Print(IEnumerable<(Result Old, Result New)> rows, int burst, string retryAfter, int secondsOfWork)
    {
        Console.WriteLine();
        Console.WriteLine($"Rate limit: {secondsOfWork} x R items at -ThrottleLimit {ThrottleLimit}, default retries; token bucket of R/s, burst {burst}, 429 with Retry-After: {retryAfter}.");
        Console.WriteLine("| R (req/s) | items | lost old | lost new | 429 share old | 429 share new | throughput/R old | throughput/R new |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (o, n) in rows)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {o.Rate} | {o.Items:N0} | {o.Lost} | {n.Lost} | {o.RefusedShare:P0} | {n.RefusedShare:P0} | {o.ThroughputPerRate:0.00} | {n.ThroughputPerRate:0.00} |"));
    }
}
