using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;

namespace OperationsModule.Core.Tests.Systems.Shared
{
    /// <summary>Drives Core's StopCommand the way a Stop-* cmdlet does: one Process per piped item, then Complete.</summary>
    internal static class StopRun
    {
        public static RecordingOutput Run(ICancelEndpoint endpoint, ConnectionRequest request, params string[] ids) =>
            Run(endpoint, request, ids.Select(id => (id, (CancelArguments?)null)).ToArray());

        public static RecordingOutput Run(ICancelEndpoint endpoint, ConnectionRequest request, params (string Id, CancelArguments? Arguments)[] items) =>
            Run(endpoint, new ConnectionPlan(request, new SessionStore()), items);

        public static RecordingOutput Run(ICancelEndpoint endpoint, ConnectionPlan plan, params (string Id, CancelArguments? Arguments)[] items)
        {
            var output = new RecordingOutput();
            using var command = new StopCommand(endpoint, plan, throttleLimit: 4, output, CancellationToken.None);
            foreach (var (id, arguments) in items)
            {
                command.Process(id, arguments);
                command.Flush();
            }
            command.Complete();
            return output;
        }

        /// <summary>A lasting session, as Connect-OperationsServer makes it, used through -Session.</summary>
        public static ConnectionRequest WithSession(OperationsSession session) =>
            new ConnectionRequest(session.System) { Session = session };

        public static OperationsSession Connect(ConnectionRequest request) => SessionResolver.CreateSession(request, persistent: true);

        public static Failure SingleFailure(RecordingOutput output)
        {
            if (output.Objects.Count != 0) throw new InvalidOperationException("Expected only a failure but got " + string.Join(", ", output.Objects));
            return output.Failures.Single();
        }

        public static IReadOnlyList<RecordedRequest> Requests(SimulatorServer sim, string method, string pathContains) =>
            sim.Journal.For(pathContains).Where(r => r.Method == method).ToList();

        /// <summary>"POST /v1/tokens", "DELETE /v1/tasks/t1", ... in arrival order.</summary>
        public static IReadOnlyList<string> Sequence(SimulatorServer sim) =>
            sim.Journal.Snapshot().Select(r => r.Method + " " + r.Path).ToList();
    }
}
