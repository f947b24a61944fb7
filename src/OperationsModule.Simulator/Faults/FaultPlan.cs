using System.Collections.Generic;
using OperationsModule.Simulator.Hosting;

namespace OperationsModule.Simulator;

/// <summary>The active fault rules, checked in the order added; the first that applies wins.</summary>
public sealed class FaultPlan
{
    // Copy-on-write: requests read the array without locking; Add/Clear are rare.
    private readonly object _gate = new();
    private readonly System.Func<System.DateTimeOffset> _now;
    private FaultRule[] _rules = System.Array.Empty<FaultRule>();

    /// <summary>A plan on the system clock (a server's own plan follows <see cref="SimulatorOptions.TimeProvider"/>).</summary>
    public FaultPlan()
        : this(() => System.DateTimeOffset.UtcNow)
    {
    }

    internal FaultPlan(System.Func<System.DateTimeOffset> now) => _now = now;

    public IReadOnlyList<FaultRule> Rules => _rules;

    public FaultRule Add(FaultRule rule)
    {
        rule.Validate();
        lock (_gate)
        {
            rule.Ordinal = _rules.Length;
            var next = new FaultRule[_rules.Length + 1];
            _rules.CopyTo(next, 0);
            next[^1] = rule;
            _rules = next;
        }

        // Time-based faults that start "when switched on" (an outage) take their start from here.
        rule.Action.OnAdded(_now());
        return rule;
    }

    /// <summary>Shorthand: <c>Add(new FaultRule(action) { ... })</c>.</summary>
    public FaultRule Add(FaultAction action, string? method = null, string? pathPattern = null, int? times = null, int? perPathTimes = null, double? probability = null, int? oneIn = null, int oneInOffset = 0) =>
        Add(new FaultRule(action) { Method = method, PathPattern = pathPattern, Times = times, PerPathTimes = perPathTimes, Probability = probability, OneIn = oneIn, OneInOffset = oneInOffset });

    public void Clear()
    {
        lock (_gate) { _rules = System.Array.Empty<FaultRule>(); }
    }

    internal FaultAction? Match(string method, string rawPath, SeededRandom random)
    {
        var rules = _rules;
        foreach (var rule in rules)
        {
            if (rule.Applies(method, rawPath, random))
            {
                return rule.Action;
            }
        }

        return null;
    }
}
