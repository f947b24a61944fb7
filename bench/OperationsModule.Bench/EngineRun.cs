using System;
using System.Collections.Generic;
using System.Threading;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Models;
using OperationsModule.Core.Secrets;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.OLConnect;

namespace OperationsModule.Bench;

/// <summary>A Stop-* cmdlet minus PowerShell: StopCommand + BulkEngine, fed one ID at a time as ProcessRecord would.</summary>
internal static class EngineRun
{
    /// <summary>Stop-OutputCreation -BaseUri -Credential -ThrottleLimit C.</summary>
    /// <param name="adaptiveThrottling">False: -NoAdaptiveThrottling (each request retries a throttle on its own).</param>
    public static NullOutput Run(Uri baseUri, string user, string password, IReadOnlyList<string> ids, int concurrency, bool adaptiveThrottling = true)
    {
        var request = new ConnectionRequest(OperationsSystem.OLConnect)
        {
            BaseUri = baseUri.AbsoluteUri,
            Credential = new SecretCredential(user, SecretText.FromClearText(password)),
            AllowUnencryptedAuthentication = true,
            AdaptiveThrottling = adaptiveThrottling,
        };
        var output = new NullOutput();
        Run(OutputCreationCancelEndpoint.Instance, request, ids, concurrency, output);
        return output;
    }

    /// <summary>Any Stop-* cmdlet: <paramref name="request"/> carries what its parameters would (BaseUri, credential or token, retries).</summary>
    public static void Run(ICancelEndpoint endpoint, ConnectionRequest request, IReadOnlyList<string> ids, int concurrency, NullOutput output)
    {
        using var command = new StopCommand(endpoint, new ConnectionPlan(request, new SessionStore()), concurrency, output, CancellationToken.None);
        // What ProcessRecord and EndProcessing do.
        foreach (var id in ids)
        {
            command.Process(id);
            command.Flush();
        }
        command.Complete();
    }
}
