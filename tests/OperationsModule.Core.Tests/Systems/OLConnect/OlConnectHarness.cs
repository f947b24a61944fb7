using System;
using System.Collections.Generic;
using System.Threading;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Models;
using OperationsModule.Core.Secrets;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.OLConnect;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;

namespace OperationsModule.Core.Tests.Systems.OLConnect
{
    /// <summary>Runs the two OL Connect commands the way the cmdlets do, against a simulator.</summary>
    internal static class OlConnectHarness
    {
        public static SecretCredential Admin(SimulatorServer sim) => Connections.Credential(sim.Options.OlConnectUser, sim.Options.OlConnectPassword);

        public static SecretCredential Viewer(SimulatorServer sim) => Connections.Credential(sim.Options.OlConnectViewerUser, sim.Options.OlConnectViewerPassword);

        public static ConnectionRequest PerCall(SimulatorServer sim, SecretCredential? credential = null, SecretText? token = null) =>
            Connections.PerCall(OperationsSystem.OLConnect, sim.BaseUri, credential, token);

        public static RecordingOutput Submit(ConnectionRequest request, string configId, IEnumerable<long> jobIds, bool createOnly = true, bool approve = true)
        {
            var output = new RecordingOutput { Approve = approve, PipelineThreadId = Environment.CurrentManagedThreadId };
            using var command = new SubmitOutputCreationCommand(new ConnectionPlan(request, new SessionStore()).For(null), configId, createOnly, output, CancellationToken.None);
            if (command.ConfigProblem is { } problem) throw problem;
            command.Add(jobIds);
            command.Complete();
            return output;
        }

        public static RecordingOutput Stop(ConnectionRequest request, IEnumerable<string?> operationIds, int throttle = 4, bool approve = true, OperationsSession? piped = null)
        {
            var output = new RecordingOutput { Approve = approve, PipelineThreadId = Environment.CurrentManagedThreadId };
            using var command = new StopCommand(OutputCreationCancelEndpoint.Instance, new ConnectionPlan(request, new SessionStore()), throttle, output, CancellationToken.None);
            foreach (var id in operationIds) command.Process(id, null, piped);
            command.Complete();
            return output;
        }
    }
}
