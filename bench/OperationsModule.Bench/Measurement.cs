using System;
using System.Diagnostics;

namespace OperationsModule.Bench;

/// <summary>CpuMicroseconds: process CPU (client and in-process server) per request, steadier than wall time on a busy machine.</summary>
internal readonly record struct Measurement(double RequestsPerSecond, double BytesPerRequest, double CpuMicroseconds)
{
    /// <summary>Rate, bytes and CPU per request of <paramref name="run"/>, which makes <paramref name="n"/> requests; garbage of earlier runs is collected first.</summary>
    public static Measurement Of(int n, Action run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        run();
        clock.Stop();
        process.Refresh();
        var cpuMicroseconds = (process.TotalProcessorTime - cpu).TotalMilliseconds * 1000 / n;
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        return new Measurement(n / clock.Elapsed.TotalSeconds, bytes / (double)n, cpuMicroseconds);
    }
}
