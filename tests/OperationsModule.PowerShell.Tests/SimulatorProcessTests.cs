using System;
using System.Diagnostics;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.PowerShell.Tests.Infrastructure;
using Xunit;

namespace OperationsModule.PowerShell.Tests
{
    /// <summary>
    /// The simulator as users start it, a process of its own. Start-Job, Start-Process with
    /// redirected streams and nohup all leave it a closed or redirected stdin; it keeps serving and says how to stop
    /// it. Only --exit-on-stdin-close (the test kit's) makes a closed stdin end it.
    /// </summary>
    public sealed class SimulatorProcessTests
    {
        private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

        private static Process Start(params string[] extra)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { TestPaths.SimulatorDll, "--urls", "http://127.0.0.1:0" }) start.ArgumentList.Add(arg);
            foreach (var arg in extra) start.ArgumentList.Add(arg);
            return Process.Start(start)!;
        }

        /// <summary>Its one stdout line, {"baseUri":...,"pid":...}.</summary>
        private static async Task<(Uri BaseUri, int Pid)> AnnouncedAsync(Process process)
        {
            // WaitAsync: a pipe read may not honour a cancellation token, and a test must not hang.
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(Limit);
            Assert.False(string.IsNullOrEmpty(line), "the simulator announced nothing");
            using var json = JsonDocument.Parse(line!);
            return (new Uri(json.RootElement.GetProperty("baseUri").GetString()!), json.RootElement.GetProperty("pid").GetInt32());
        }

        private static void Kill(Process process)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
            process.Dispose();
        }

        [Fact]
        public async Task With_its_stdin_closed_it_keeps_answering_and_says_how_to_stop_it()
        {
            var process = Start();
            try
            {
                // What Start-Job, a redirected Start-Process and nohup amount to: nothing will ever be read from stdin.
                process.StandardInput.Close();
                var (baseUri, pid) = await AnnouncedAsync(process);

                // Written after the announce line, only by a simulator that ignores its stdin: the old one had exited by now.
                string? hint;
                do hint = await process.StandardError.ReadLineAsync().WaitAsync(Limit);
                while (hint is not null && !hint.Contains("Ctrl+C", StringComparison.Ordinal));
                Assert.NotNull(hint);
                Assert.Contains($"Stop-Process -Id {pid}", hint);
                Assert.Contains(baseUri.ToString(), hint);

                using var client = new HttpClient { Timeout = Limit };
                for (var i = 0; i < 3; i++)
                {
                    using var answer = await client.GetAsync(new Uri(baseUri, "_sim/requests"));
                    Assert.Equal(200, (int)answer.StatusCode);
                }
                Assert.False(process.HasExited);

                if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                {
                    // SIGTERM (kill, systemd, docker stop) ends it cleanly.
                    using var kill = Process.Start("kill", new[] { "-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture) })!;
                    await kill.WaitForExitAsync().WaitAsync(Limit);
                    using var exit = new CancellationTokenSource(Limit);
                    await process.WaitForExitAsync(exit.Token);
                    Assert.Equal(0, process.ExitCode);
                }
            }
            finally
            {
                Kill(process);
            }
        }

        [Fact]
        public async Task With_exit_on_stdin_close_it_ends_when_its_stdin_closes()
        {
            var process = Start("--exit-on-stdin-close");
            try
            {
                var (baseUri, _) = await AnnouncedAsync(process);
                using (var client = new HttpClient { Timeout = Limit })
                using (var answer = await client.GetAsync(new Uri(baseUri, "_sim/requests")))
                    Assert.Equal(200, (int)answer.StatusCode);
                Assert.False(process.HasExited, "it runs while its stdin is open");

                process.StandardInput.Close();

                using var exit = new CancellationTokenSource(Limit);
                await process.WaitForExitAsync(exit.Token);
                Assert.Equal(0, process.ExitCode);
            }
            finally
            {
                Kill(process);
            }
        }

        [Fact]
        public async Task An_unknown_option_is_refused_with_the_usage_that_lists_exit_on_stdin_close()
        {
            var process = Start("--no-such-option");
            try
            {
                using var exit = new CancellationTokenSource(Limit);
                await process.WaitForExitAsync(exit.Token);
                Assert.Equal(2, process.ExitCode);
                Assert.Contains("--exit-on-stdin-close", await process.StandardError.ReadToEndAsync());
            }
            finally
            {
                Kill(process);
            }
        }

        [Theory]
        [InlineData("--help")]
        [InlineData("-h")]
        public async Task Help_prints_the_usage_and_every_option_on_stdout_and_exits_0(string option)
        {
            var process = Start(option);
            try
            {
                var output = process.StandardOutput.ReadToEndAsync();
                using var exit = new CancellationTokenSource(Limit);
                await process.WaitForExitAsync(exit.Token);
                Assert.Equal(0, process.ExitCode);
                var text = await output;
                Assert.StartsWith("usage: operations-simulator", text);
                foreach (var listed in new[] { "--urls", "--https", "--demo", "--seed", "--exit-on-stdin-close", "Start-OperationsSimulator" })
                    Assert.Contains(listed, text);
                Assert.DoesNotContain("\n{\"baseUri\"", "\n" + text); // it does not start listening
            }
            finally
            {
                Kill(process);
            }
        }
    }
}
