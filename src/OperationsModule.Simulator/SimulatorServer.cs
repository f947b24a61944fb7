using System;
using System.Linq;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OperationsModule.Simulator.Control;
using OperationsModule.Simulator.Faults;
using OperationsModule.Simulator.Hosting;
using OperationsModule.Simulator.Journal;
using OperationsModule.Simulator.Systems;

namespace OperationsModule.Simulator;

/// <summary>The four fake systems on one loopback Kestrel listener; start one per test (or per process).</summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimulatorContext _sim;
    private readonly CancellationTokenSource _shutdown;
    private int _disposed;

    private SimulatorServer(WebApplication app, SimulatorContext sim, CancellationTokenSource shutdown, Uri baseUri, X509Certificate2? certificate)
    {
        _app = app;
        _sim = sim;
        _shutdown = shutdown;
        BaseUri = baseUri;
        Certificate = certificate;
    }

    /// <summary>e.g. http://127.0.0.1:54321/ (always with a trailing slash).</summary>
    public Uri BaseUri { get; }

    /// <summary>The self-signed certificate when <see cref="SimulatorOptions.Https"/> is on.</summary>
    public X509Certificate2? Certificate { get; }

    public RequestJournal Journal => _sim.Journal;

    /// <summary>Answers per status code since start or the last reset (kept with the journal off too).</summary>
    public ResponseTally Responses => _sim.Responses;
    public SimulatorState State => _sim.State;
    public FaultPlan Faults => _sim.Faults;
    public SimulatorOptions Options => _sim.Options;

    /// <summary>Back to a fresh start: default state, no faults, empty journal, Random re-seeded.</summary>
    public void Reset() => _sim.Reset();

    public static async Task<SimulatorServer> StartAsync(SimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SimulatorOptions();
        var shutdown = new CancellationTokenSource();
        var sim = new SimulatorContext(options, shutdown.Token);
        var certificate = options.Https ? SelfSignedCertificate.Create() : null;

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SimulatorServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // Never log requests: headers and bodies carry passwords and tokens. Warnings go to stderr (stdout is the
        // process-mode handshake channel).
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Error);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton<IHostLifetime, NoConsoleLifetime>();
        builder.WebHost.UseKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 10 * 1024 * 1024;
            k.Listen(IPAddress.Loopback, options.Port, listen =>
            {
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
        });

        var app = builder.Build();
        Configure(app, sim);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        var baseUri = new Uri($"{(certificate is null ? "http" : "https")}://127.0.0.1:{port}/");
        return new SimulatorServer(app, sim, shutdown, baseUri, certificate);
    }

    private static void Configure(WebApplication app, SimulatorContext sim)
    {
        // Journal first (a faulted attempt still counts), then faults, then the endpoints. /_sim/ skips both.
        app.Use(async (ctx, next) =>
        {
            if (ctx.Request.Path.StartsWithSegments("/_sim", StringComparison.Ordinal))
            {
                await next(ctx).ConfigureAwait(false);
                return;
            }

            try
            {
                if (sim.Options.JournalEnabled)
                {
                    await JournalMiddleware.InvokeAsync(ctx, sim.Journal, () => FaultMiddleware.InvokeAsync(ctx, sim.Faults, sim.FaultRuntime, () => next(ctx))).ConfigureAwait(false);
                }
                else
                {
                    await FaultMiddleware.InvokeAsync(ctx, sim.Faults, sim.FaultRuntime, () => next(ctx)).ConfigureAwait(false);
                }
            }
            finally
            {
                sim.Responses.Add(ctx.Response.StatusCode, Aborts.WasAborted(ctx));
            }
        });

        OlConnectEndpoints.Map(app, sim);
        OnedataEndpoints.Map(app, sim);
        VcfEndpoints.Map(app, sim);
        BigChangeEndpoints.Map(app, sim);
        ControlEndpoints.Map(app, sim);
        RuntimeSwitches.Map(app, sim);
        Listing.ListingControlEndpoints.Map(app, sim);
    }

    /// <summary>Stops promptly: hung fault handlers are released first, then Kestrel gets a short grace period.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _shutdown.Cancel();
        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            try
            {
                await _app.StopAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        _shutdown.Dispose();
        Certificate?.Dispose();
    }
}
