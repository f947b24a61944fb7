using System;
using System.Collections.Generic;
using OperationsModule.Simulator;

namespace OperationsModule.Core.Tests.Engine;

/// <summary>
/// The 10,000-ID input and the seeded fault mix of the accounting invariant, shared by the run with per-request retries
/// (<see cref="AccountingInvariantTests"/>) and the one with adaptive throttling (Throttling/AdaptiveAccountingTests).
/// </summary>
internal static class SeededFaultMix
{
    /// <summary>85% known operations (seeded in the simulator), 14% unknown (404), 1% invalid IDs that must never reach the wire.</summary>
    public static List<string> Input(SimulatorServer sim, int count = 10_000)
    {
        var input = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var id = (i % 100) switch
            {
                < 85 => "op-" + i,
                < 99 => "gone-" + i,
                _ => "bad/" + i,
            };
            input.Add(id);
            if (id.StartsWith("op-", StringComparison.Ordinal)) sim.State.OlConnect.AddOperation(id);
        }
        return input;
    }

    /// <summary>The first matching rule wins; each draws from the simulator's seeded Random.</summary>
    public static void AddTo(FaultPlan faults)
    {
        faults.Add(FaultAction.Latency(TimeSpan.Zero, TimeSpan.FromMilliseconds(3)), pathPattern: "/cancel/", probability: 0.05);
        faults.Add(FaultAction.Status(429, "1"), pathPattern: "/cancel/", probability: 0.04);
        faults.Add(FaultAction.Status(503, "Wed, 21 Oct 2015 07:28:00 GMT"), pathPattern: "/cancel/", probability: 0.04);
        faults.Add(FaultAction.ConnectionReset(), pathPattern: "/cancel/", probability: 0.03);
        faults.Add(FaultAction.HtmlError(502), pathPattern: "/cancel/", probability: 0.03);
        faults.Add(FaultAction.HtmlError(500), pathPattern: "/cancel/", probability: 0.01);
        faults.Add(FaultAction.Status(403, body: "{\"error\":{\"status\":403,\"message\":\"Forbidden\",\"parameter\":\"x\"}}"), pathPattern: "/cancel/", probability: 0.01);
    }
}
