using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace OperationsModule.PowerShell.Tests.Infrastructure
{
    /// <summary>
    /// Runs a script file in the repo's pinned pwsh (`dotnet pwsh`, from the repository root where the tool manifest
    /// is found), out of process, with a time limit; its output goes to the test log.
    /// </summary>
    internal static class PinnedPwshScript
    {
        public static async Task<PwshRun> RunAsync(string scriptPath, string[] arguments, TimeSpan limit, ITestOutputHelper log)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = TestPaths.Root,
            };
            foreach (var arg in new[] { "pwsh", "-NoProfile", "-NonInteractive", "-File", scriptPath }.Concat(arguments))
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var stdoutTask = process.StandardOutput.ReadToEndAsync();
            var stderrTask = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(limit);
            var finished = true;
            try { await process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { finished = false; process.Kill(entireProcessTree: true); }
            var run = new PwshRun(finished, finished ? process.ExitCode : -1, await stdoutTask, await stderrTask);
            log.WriteLine(run.Stdout);
            log.WriteLine(run.Stderr);
            return run;
        }
    }

    internal sealed record PwshRun(bool Finished, int ExitCode, string Stdout, string Stderr)
    {
        /// <summary>The last 80 lines of both streams, for a failure message.</summary>
        public string Tail => Last(Stdout) + "\n" + Last(Stderr);

        private static string Last(string text) => string.Join("\n", text.Split('\n').TakeLast(80));
    }
}
