using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.OLConnect;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;

namespace OperationsModule.Core.Tests.Engine;

/// <summary>
/// A Stop-OutputCreation invocation against the simulator, with retry waits in milliseconds (the cmdlet's
/// -RetryIntervalSec is whole seconds; tests must never wait for real backoff).
/// </summary>
internal sealed class BulkHarness : IDisposable
{
    private readonly OperationsSession _session;
    private readonly ConnectionPlan _plan;

    public BulkHarness(SimulatorServer sim, int throttleLimit, int retries = 3, TimeSpan? timeout = null, TimeSpan? retryInterval = null, TimeSpan? maximumRetryDelay = null, CancellationToken cancellationToken = default, bool adaptiveThrottling = true, bool stopsAtFailure = false)
    {
        var request = Connections.PerCall(OperationsSystem.OLConnect, sim.BaseUri, Connections.Credential(sim.Options.OlConnectUser, sim.Options.OlConnectPassword), retries: retries);
        _session = SessionResolver.CreateSession(request, persistent: false);
        _session.Options.RetryInterval = retryInterval ?? TimeSpan.FromMilliseconds(1);
        _session.Options.MaximumRetryDelay = maximumRetryDelay ?? TimeSpan.FromMilliseconds(5);
        if (timeout is { } t) _session.Options.Timeout = t;
        _session.Options.AdaptiveThrottling = adaptiveThrottling;
        _plan = new ConnectionPlan(new ConnectionRequest(OperationsSystem.OLConnect) { Session = _session }, new SessionStore());
        Output = new RecordingOutput { PipelineThreadId = Environment.CurrentManagedThreadId, IsDebugEnabled = false, IsVerboseEnabled = false, StopsAtFailure = stopsAtFailure };
        Command = new StopCommand(OutputCreationCancelEndpoint.Instance, _plan, throttleLimit, Output, cancellationToken);
    }

    public RecordingOutput Output { get; }

    /// <summary>The session's transport options (the throttling tests bound MaximumThrottleWait).</summary>
    public OperationsModule.Core.Http.HttpOptions Options => _session.Options;

    /// <summary>The connection's throttle gate (shared by every request of the run); tests give it a virtual clock.</summary>
    public OperationsModule.Core.Http.Throttling.ThrottleGate Throttle => _session.Transport.Throttle;


    public StopCommand Command { get; }

    /// <summary>
    /// As after an earlier command's answer: the server has accepted the credential, so requests are not held behind a
    /// first one that tries it (a credential never answered for is tried by one request first).
    /// </summary>
    public void CredentialAlreadyAccepted() => OperationsModule.Core.Auth.CredentialRefusal.For(_session.Transport.Authenticator).Accepted();

    /// <summary>What ProcessRecord and EndProcessing do for each piped ID.</summary>
    public void Run(IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            if (!Command.Process(id)) return;
            Command.Flush();
        }
        Command.Complete();
    }

    public IReadOnlyList<string> SucceededIds => Output.Objects.Cast<CancellationResult>().Select(r => r.Id).ToList();

    public IReadOnlyList<string> FailedIds => Output.Failures.Select(f => (string)f.TargetObject!).ToList();

    public Failure FailureFor(string id) => Output.Failures.Single(f => (string)f.TargetObject! == id);

    public static string CancelPath(string id) => "/rest/serverengine/workflow/outputcreation/cancel/" + id;

    /// <summary>The IDs the server received a cancel for, in the order received.</summary>
    public static string[] CancelsReceived(SimulatorServer sim) =>
        sim.Journal.For("/outputcreation/cancel/").Select(r => r.Path.Substring(r.Path.LastIndexOf('/') + 1)).ToArray();

    public void Dispose()
    {
        Command.Dispose();
        _session.Dispose();
    }
}
