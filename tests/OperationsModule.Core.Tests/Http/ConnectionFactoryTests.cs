using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Http;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.Core.Tests.Http;

/// <summary>One factory per session opens its clients (one per handler settings) over one throttle gate for the server.</summary>
public class ConnectionFactoryTests
{
    private static OperationsSession Connect(Uri baseUri) =>
        SessionResolver.CreateSession(Connections.PerCall(OperationsSystem.Onedata, baseUri, token: Connections.Secret("onedata-good-token")), persistent: true);

    private static ResolvedConnection Resolve(OperationsSession session, bool skipCertificateCheck = false, int? timeoutSec = null) =>
        SessionResolver.Resolve(new ConnectionRequest(OperationsSystem.Onedata) { Session = session, SkipCertificateCheck = skipCertificateCheck, TimeoutSec = timeoutSec }, new SessionStore());

    [Fact]
    public void A_command_with_other_handler_settings_gets_its_own_client_over_the_servers_gate()
    {
        using var session = Connect(new Uri("https://onedata.example.test"));
        using var resolved = Resolve(session, skipCertificateCheck: true);

        // Before: a new gate, so a Retry-After or an announced quota the session met did not hold for this command.
        Assert.Same(session.Transport.Throttle, resolved.Transport.Throttle);
        Assert.NotSame(session.Transport, resolved.Transport);
        Assert.True(resolved.Transport.Options.SkipCertificateCheck);
    }

    [Fact]
    public async Task Verbose_says_when_a_command_opens_its_own_client_and_equal_settings_share_the_sessions()
    {
        await using var sim = await SimulatorServer.StartAsync();
        using var session = Connect(sim.BaseUri);
        var log = new RecordingOutput { IsDebugEnabled = false };
        var request = new ApiRequest(HttpMethod.Get, new Uri(sim.BaseUri, "api/v3/onezone/health"));

        using (var sameSettings = Resolve(session, timeoutSec: 5))
        {
            await session.Transport.SendAsync(request, log, CancellationToken.None);
            await sameSettings.Transport.SendAsync(request, log, CancellationToken.None);
        }
        using (var ownSettings = Resolve(session, skipCertificateCheck: true))
            await ownSettings.Transport.SendAsync(request, log, CancellationToken.None);

        // The session's own client opens silently (its first request's -Verbose stays one line); the command with its
        // own certificate rule says why it opens another.
        var opened = Assert.Single(log.Verbose, v => v.StartsWith("Opening a connection", StringComparison.Ordinal));
        Assert.Contains($"to http://{sim.BaseUri.Authority} for this command", opened);
        Assert.Contains("certificates AcceptAny", opened);
        Assert.Equal(3, log.Verbose.Count(v => v.StartsWith("GET ", StringComparison.Ordinal)));
    }
}
