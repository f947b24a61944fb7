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
    private readonly ConcurrentDictionary<string, StrongBox<int>> _draws = new(StringComparer.Ordinal);
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

    /// <summary>
    /// 0-1. The draw is a hash of <see cref="SimulatorOptions.Seed"/>, the rule's place in the plan, the method,
    /// the raw path and how many times this rule has seen that path: the same requests are faulted in every
    /// run with the same seed, however concurrent clients interleave (a shared Random would hand its draws
    /// out in arrival order, so which ID got which fault changed from run to run).
    /// </summary>
    public double? Probability { get; init; }

    /// <summary>
    /// Per-item rules: apply only to one raw path in <c>OneIn</c>, the paths whose <see cref="PathBucket"/> is
    /// <see cref="OneInOffset"/>. The pick is a hash of the path alone (no seed, no arrival order), so every run and
    /// every server picks the same IDs, and rules with the same OneIn and different offsets pick disjoint IDs
    /// ("one ID in ten refused twice with 429, another one in ten once with 503"). Checked before the counters,
    /// so PerPathTimes then counts the attempts at each picked ID.
    /// </summary>
    public int? OneIn { get; init; }

    /// <summary>Which of the <see cref="OneIn"/> buckets the rule picks: 0 to OneIn - 1.</summary>
    public int OneInOffset { get; init; }

    /// <summary>The bucket (0 to oneIn - 1) a raw path falls in for <see cref="OneIn"/>: for tests and benches that need to know which IDs a rule picks.</summary>
    public static int PathBucket(string rawPath, int oneIn) => KeyedDraw.Bucket(rawPath, oneIn);

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

        if (OneIn is int oneIn && KeyedDraw.Bucket(rawPath, oneIn) != OneInOffset)
        {
            return false;
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

        if (Probability is not double p)
        {
            return true;
        }

        var nth = Interlocked.Increment(ref _draws.GetOrAdd(rawPath, _ => new StrongBox<int>()).Value);
        return KeyedDraw.Uniform(random.Seed, Ordinal, method, rawPath, nth) < p;
    }

    /// <summary>Refuses settings that could never apply, when the rule joins a plan (never during a request).</summary>
    internal void Validate()
    {
        if (OneIn is int oneIn && (oneIn < 1 || OneInOffset < 0 || OneInOffset >= oneIn))
        {
            throw new ArgumentException($"'oneIn' must be at least 1 and 'oneInOffset' from 0 to oneIn - 1, not {oneIn} and {OneInOffset}.");
        }

        if (OneIn is null && OneInOffset != 0)
        {
            throw new ArgumentException("'oneInOffset' needs 'oneIn'.");
        }
    }

    /// <summary>The rule's position in its plan (set when added): separates the draws of different rules.</summary>
    internal int Ordinal { get; set; }
}
