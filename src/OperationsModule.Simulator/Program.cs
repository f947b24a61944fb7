using System;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Simulator;
using OperationsModule.Simulator.Hosting;

// Process mode: dotnet run --project src/OperationsModule.Simulator -- [--urls http://127.0.0.1:0] [--https] [--seed N] [--demo] [--no-journal] [--onedata-error-shape nested|flat] [--vcf-token-status 201|200] [--exit-on-stdin-close]
// Prints exactly one JSON line {"baseUri":...,"pid":...} on stdout once listening, then nothing else on stdout;
// how to stop it goes to stderr. Runs until Ctrl+C or SIGTERM (Stop-Process, kill): a closed or redirected stdin
// (Start-Job, Start-Process, nohup, a service) does not end it. --exit-on-stdin-close also ends it when stdin
// closes, for a parent that must not leave it behind (the test kit), since that happens however the parent ends.

const string Usage = "usage: operations-simulator [--urls http://127.0.0.1:0] [--https] [--seed N] [--demo] [--no-journal] [--onedata-error-shape nested|flat] [--vcf-token-status 201|200] [--exit-on-stdin-close] [--help]";
if (Array.Exists(args, a => a is "--help" or "-h" or "-?" or "/?"))
{
    Console.Out.WriteLine(Usage);
    Console.Out.WriteLine(HelpText.Body);
    return 0;
}

var options = new SimulatorOptions();
var exitOnStdinClose = false;
try
{
    exitOnStdinClose = ParseArgs(args, options);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; stop.Cancel(); });
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, ctx => { ctx.Cancel = true; stop.Cancel(); });

await using var server = await SimulatorServer.StartAsync(options, stop.Token);
var line = new JsonObject { ["baseUri"] = server.BaseUri.ToString(), ["pid"] = Environment.ProcessId };
Console.Out.WriteLine(line.ToJsonString());
Console.Out.Flush();

if (!exitOnStdinClose)
{
    Console.Error.WriteLine(StopHint.For(server.BaseUri, Environment.ProcessId));
}
else
{
    WatchStdin(stop);
}

try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}

return 0;

// Stdin EOF means the parent is gone or asked us to leave. A dedicated thread: Console.In has no true async read.
static void WatchStdin(CancellationTokenSource stop)
{
    var stdinThread = new Thread(() =>
    {
        try
        {
            while (Console.In.ReadLine() is not null)
            {
            }
        }
        catch (Exception)
        {
            // An unreadable stdin counts as closed.
        }

        stop.Cancel();
    }) { IsBackground = true, Name = "stdin-watch" };
    stdinThread.Start();
}

// Returns whether --exit-on-stdin-close was given.
static bool ParseArgs(string[] args, SimulatorOptions options)
{
    var exitOnStdinClose = false;
    for (var i = 0; i < args.Length; i++)
    {
        string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
        switch (args[i])
        {
            case "--urls":
                // Only the scheme and port are used: the simulator binds 127.0.0.1 whatever host is given.
                var url = Next().Split(';')[0].Replace("://*", "://127.0.0.1").Replace("://+", "://127.0.0.1");
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
                {
                    throw new ArgumentException($"Bad --urls value '{url}'.");
                }

                options.Https |= uri.Scheme == Uri.UriSchemeHttps;
                options.Port = uri.Port;
                break;
            case "--https":
                options.Https = true;
                break;
            case "--port":
                options.Port = int.Parse(Next(), CultureInfo.InvariantCulture);
                break;
            case "--seed":
                options.Seed = int.Parse(Next(), CultureInfo.InvariantCulture);
                break;
            case "--demo":
                options.SeedDemoData = true;
                break;
            case "--no-journal":
                options.JournalEnabled = false;
                break;
            case "--onedata-error-shape":
                options.OnedataErrorShape = OperationsModule.Simulator.Control.RuntimeSwitches.ParseShape(Next());
                break;
            case "--vcf-token-status":
                options.VcfTokenStatusCode = OperationsModule.Simulator.Control.RuntimeSwitches.ParseTokenStatus(int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out var status) ? status : 0);
                break;
            case "--exit-on-stdin-close":
                exitOnStdinClose = true;
                break;
            default:
                throw new ArgumentException($"Unknown argument '{args[i]}'.");
        }
    }

    return exitOnStdinClose;
}
