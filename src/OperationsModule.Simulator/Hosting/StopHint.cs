using System;
using System.Globalization;

namespace OperationsModule.Simulator.Hosting;

/// <summary>
/// The line a simulator started by hand writes to stderr: where it listens and how to stop it, since a closed
/// stdin no longer does (a background job or nohup would otherwise leave users guessing).
/// </summary>
public static class StopHint
{
    public static string For(Uri baseUri, int processId)
    {
        var pid = processId.ToString(CultureInfo.InvariantCulture);
        return $"OperationsModule simulator listening on {baseUri} (process {pid}). It runs until stopped: press Ctrl+C here, "
            + $"or from another shell run Stop-Process -Id {pid} (PowerShell) or kill {pid} (SIGTERM).";
    }
}
