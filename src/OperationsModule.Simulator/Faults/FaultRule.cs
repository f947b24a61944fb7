using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Threading;
using OperationsModule.Simulator.Hosting;

namespace OperationsModule.Simulator;

/// <summary>
/// When a fault applies: method and raw-path regex narrow the requests; then Times / PerPathTimes / Probability
/// decide (all that are set must agree). With none set, the rule applies to every matching request.
/// </summary>
public sealed class FaultRule
{
    private readonly ConcurrentDictionary<string, StrongBox<int>> _perPath = new(StringComparer.Ordinal);
    private Regex? _regex;
    private int _matches;

    public FaultRule(FaultAction action) => Action = action;

    public FaultAction Action { get; }

    /// <summary>HTTP method to match (case-insensitive); null = any.</summary>
    public string? Method { get; init; }

    /// <summary>Regex on the raw (still escaped) path, without the query; null = any.</summary>
    public string? PathPattern { get; init; }

    /// <summary>Apply to the first N matching requests only.</summary>
    public int? Times { get; init; }

    /// <summary>Apply to the first N matching requests of each distinct raw path ("first 2 attempts at each ID fail").</summary>
    public int? PerPathTimes { get; init; }

    /// <summary>0-1, drawn from the Random seeded by <see cref="SimulatorOptions.Seed"/>.</summary>
    public double? Probability { get; init; }

    /// <summary>How many requests matched method and path so far (applied or not).</summary>
    public int MatchCount => Volatile.Read(ref _matches);

    internal bool Applies(string method, string rawPath, SeededRandom random)
    {
        if (Method is not null && !string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (PathPattern is not null)
        {
            _regex ??= new Regex(PathPattern, RegexOptions.CultureInvariant | RegexOptions.Compiled);
            if (!_regex.IsMatch(rawPath))
            {
                return false;
            }
        }

        var n = Interlocked.Increment(ref _matches);
        if (Times is int times && n > times)
        {
            return false;
        }

        if (PerPathTimes is int perPath)
        {
            var box = _perPath.GetOrAdd(rawPath, _ => new StrongBox<int>());
            if (Interlocked.Increment(ref box.Value) > perPath)
            {
                return false;
            }
        }

        return Probability is not double p || random.NextDouble() < p;
    }
}
