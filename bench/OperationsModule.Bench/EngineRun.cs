using System;
using System.Collections.Generic;
using System.Threading;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Models;
using OperationsModule.Core.Secrets;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.OLConnect;

namespace OperationsModule.Bench;

/// <summary>Stop-OutputCreation -BaseUri -Credential -ThrottleLimit C, minus PowerShell: StopCommand + BulkEngine.</summary>
internal static class EngineRun
{
    /// <param name="adaptiveThrottling">False: the behaviour before issue 12 (each request retries a throttle on its own).</param>
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
        using var command = new StopCommand(OutputCreationCancelEndpoint.Instance, new ConnectionPlan(request, new SessionStore()), concurrency, output, CancellationToken.None);
        // What ProcessRecord and EndProcessing do.
        foreach (var id in ids)
        {
            command.Process(id);
            command.Flush();
        }
        command.Complete();
        return output;
    }
}
