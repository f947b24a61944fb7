using System;
using System.Linq;
using System.Threading.Tasks;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.PowerShell.Tests.Infrastructure
{
    /// <summary>One in-process simulator for the runspace collection; each test resets it.</summary>
    public sealed class SimulatorFixture : IAsyncLifetime
    {
        private SimulatorServer? _server;

        public SimulatorServer Server => _server ?? throw new InvalidOperationException("The simulator has not started.");

        public Uri BaseUri => Server.BaseUri;

        public async Task InitializeAsync() => _server = await SimulatorServer.StartAsync();

        public async Task DisposeAsync()
        {
            if (_server is not null) await _server.DisposeAsync();
        }

        /// <summary>Requests received since the last reset, as "METHOD /path".</summary>
        public string[] Requests() => Server.Journal.Snapshot().Select(r => $"{r.Method} {r.Path}").ToArray();
    }

    [CollectionDefinition(Name)]
    public sealed class RunspaceCollection : ICollectionFixture<SimulatorFixture>
    {
        /// <summary>
        /// One collection, run sequentially: the module keeps its default sessions in process-wide state,
        /// so runspaces of parallel tests would see each other's Connect-OperationsServer.
        /// </summary>
        public const string Name = "Runspace";
    }
}
