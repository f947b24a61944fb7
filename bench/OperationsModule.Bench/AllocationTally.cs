using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Linq;

namespace OperationsModule.Bench;

/// <summary>
/// Which types a run allocates, from the runtime's allocation ticks (one sample per ~100 KB, attributed to the object
/// that crossed the mark, so large totals are sampled in proportion): finds what a per-request byte figure is made of
/// without an external profiler.
/// </summary>
internal sealed class AllocationTally : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytes = new ConcurrentDictionary<string, long>();
    private volatile bool _recording;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_recording || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
        var type = Field(e, "TypeName") as string ?? "?";
        var amount = Field(e, "AllocationAmount64") is { } big ? Convert.ToInt64(big) : Convert.ToInt64(Field(e, "AllocationAmount") ?? 0);
        _bytes.AddOrUpdate(type, amount, (_, total) => total + amount);
    }

    private static object? Field(EventWrittenEventArgs e, string name)
    {
        var at = e.PayloadNames?.IndexOf(name) ?? -1;
        return at >= 0 ? e.Payload![at] : null;
    }

    /// <summary>Counts what <paramref name="run"/> allocates, by type.</summary>
    public IReadOnlyDictionary<string, long> Record(Action run)
    {
        _bytes.Clear();
        _recording = true;
        try
        {
            run();
        }
        finally
        {
            _recording = false;
        }
        return new Dictionary<string, long>(_bytes);
    }

    /// <summary>Bytes per request by type, engine against raw, largest difference first.</summary>
    public static void Print(IReadOnlyDictionary<string, long> engine, IReadOnlyDictionary<string, long> raw, int requests, int top)
    {
        Console.WriteLine($"| type | engine B/req | raw B/req | extra B/req |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var type in engine.Keys.Union(raw.Keys)
            .Select(t => (Type: t, Engine: engine.GetValueOrDefault(t) / (double)requests, Raw: raw.GetValueOrDefault(t) / (double)requests))
            .OrderByDescending(t => Math.Abs(t.Engine - t.Raw)).Take(top))
            Console.WriteLine($"| {type.Type} | {type.Engine:0} | {type.Raw:0} | {type.Engine - type.Raw:0} |");
    }
}
