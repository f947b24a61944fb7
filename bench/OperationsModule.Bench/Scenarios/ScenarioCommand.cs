using System;
using System.Globalization;
using System.Linq;
using OperationsModule.Simulator;

namespace OperationsModule.Bench.Scenarios;

/// <summary>
/// --scenario item-mix|outage|token-bucket|fixed-window|all, with the sizes of issue 15 by default; each option
/// narrows a scenario to one row (see bench/README.md). --sides off|on runs one side of each row only.
/// </summary>
internal static class ScenarioCommand
{
    public const string Names = "item-mix, outage, token-bucket, fixed-window or all";

    public static int Run(SimulatorServer sim, string scenario, Func<string, string?> arg)
    {
        var sides = arg("--sides") switch
        {
            null or "both" => Sides.Both,
            "off" => Sides.Off,
            "on" => Sides.On,
            var other => throw new ArgumentException($"--sides must be both, off or on, not '{other}'."),
        };
        var all = scenario == "all";
        if (!all && scenario is not ("item-mix" or "outage" or "token-bucket" or "fixed-window"))
        {
            throw new ArgumentException($"--scenario must be {Names}, not '{scenario}'.");
        }

        var bench = new ScenarioBench(sim, sides);
        bench.WarmUp();
        if (all || scenario == "item-mix")
        {
            foreach (var items in Ints(arg("--items") ?? "200,1000"))
                bench.ItemMix(items);
        }

        if (all || scenario == "outage")
        {
            var items = Ints(arg("--outage-items") ?? "3000").Single();
            bench.Outage(items, 0);
            bench.Outage(items, double.Parse(arg("--outage-seconds") ?? "3", CultureInfo.InvariantCulture));
        }

        if (all || scenario == "token-bucket")
        {
            var burst = Ints(arg("--burst") ?? "5").Single();
            var seconds = Ints(arg("--seconds") ?? "20").Single();
            foreach (var rate in Ints(arg("--rates") ?? "50,200,1000"))
                bench.TokenBucket(rate, burst, arg("--retry-after") ?? "1", seconds);
        }

        if (all || scenario == "fixed-window")
        {
            var items = Ints(arg("--window-items") ?? "1000").Single();
            foreach (var headers in (arg("--headers") ?? "github,draft,structured").Split(','))
                bench.FixedWindow(items, 100, 2, Enum.Parse<LimitHeaderStyle>(headers, ignoreCase: true));
        }

        ScenarioTable.Print(bench.Rows);
        Console.WriteLine($"Off = -NoAdaptiveThrottling (AdaptiveThrottling = false), on = adaptive throttling. Machine: {Environment.ProcessorCount} logical CPUs{Machine.LoadAverage()}");
        return 0;
    }

    private static int[] Ints(string list) => list.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
}
