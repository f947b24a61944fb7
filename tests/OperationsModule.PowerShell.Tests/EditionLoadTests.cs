using System;
using System.Linq;
using OperationsModule.PowerShell.Tests.Infrastructure;
using Xunit;

namespace OperationsModule.PowerShell.Tests
{
    /// <summary>What PowerShell 7 loads when it imports the module: only what this edition needs.</summary>
    public sealed class EditionLoadTests : RunspaceTest
    {
        public EditionLoadTests(SimulatorFixture simulator) : base(simulator) { }

        [Fact]
        public void PowerShell_7_imports_the_module_without_loading_the_NET_Framework_check()
        {
            var nested = RunClean($"(Import-Module '{TestPaths.ModuleManifest}' -Force -PassThru).NestedModules.Count").Output.Single();

            Assert.Equal("0", nested.ToString());
            // Nothing in this test process loads the check otherwise: had the initializer run it here, it would be loaded now.
            Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "OperationsModule.RuntimeCheck");
            Assert.Contains(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "OperationsModule");
        }
    }
}
