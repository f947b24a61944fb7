using System;
using System.Collections.Generic;
using System.Globalization;

namespace OperationsModule.Bench.Scenarios;

/// <summary>Prints the scenario rows: each with -NoAdaptiveThrottling ("off") beside adaptive throttling ("on").</summary>
internal static class ScenarioTable
{
    public static void Print(IReadOnlyList<(ScenarioResult? Off, ScenarioResult? On)> rows)
    {
        Console.WriteLine();
        Console.WriteLine("| scenario | items | lost off | lost on | refused off | refused on | wall s off | wall s on | throughput/R off | throughput/R on |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (off, on) in rows)
        {
            var any = (off ?? on)!.Value;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {any.Row} | {any.Items:N0} | {Cell(off, r => r.Lost.ToString(CultureInfo.InvariantCulture))} | {Cell(on, r => r.Lost.ToString(CultureInfo.InvariantCulture))} | {Cell(off, r => r.RefusedShare.ToString("P1", CultureInfo.InvariantCulture))} | {Cell(on, r => r.RefusedShare.ToString("P1", CultureInfo.InvariantCulture))} | {Cell(off, r => r.Seconds.ToString("0.0", CultureInfo.InvariantCulture))} | {Cell(on, r => r.Seconds.ToString("0.0", CultureInfo.InvariantCulture))} | {Cell(off, Ratio)} | {Cell(on, Ratio)} |"));
        }
    }

    /// <summary>One line per finished run, so a long run shows progress and a killed one leaves its figures.</summary>
    public static void Report(ScenarioResult r) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{r.Row}, adaptive {(r.Adaptive ? "on" : "off")}: {r.Seconds:0.0} s, {r.Lost} lost, {r.Refused} of {r.Answers} answers refused ({r.RefusedShare:P1}){(r.ThroughputPerRate is double t ? $", {t:0.00} R" : string.Empty)}{Machine.LoadAverage()}"));

    private static string Cell(ScenarioResult? result, Func<ScenarioResult, string> show) => result is ScenarioResult r ? show(r) : "not run";

    private static string Ratio(ScenarioResult r) => r.ThroughputPerRate is double t ? t.ToString("0.00", CultureInfo.InvariantCulture) : "-";
}
