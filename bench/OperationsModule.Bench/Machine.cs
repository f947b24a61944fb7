using System;
using System.Linq;

namespace OperationsModule.Bench;

internal static class Machine
{
    /// <summary>", load average a b c" on Linux (other helpers' builds share the machine), else empty.</summary>
    public static string LoadAverage()
    {
        try
        {
            return ", load average " + string.Join(" ", System.IO.File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (Exception)
        {
            return string.Empty; // not Linux
        }
    }
}
