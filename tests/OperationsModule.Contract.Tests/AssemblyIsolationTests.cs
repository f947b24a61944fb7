using System.Linq;
using Xunit;

namespace OperationsModule.Contract.Tests
{
    /// <summary>The dependency arrows point one way, and the cmdlet assembly stays free of conflict-prone packages.</summary>
    public sealed class AssemblyIsolationTests
    {
        [Fact]
        public void Core_does_not_reference_System_Management_Automation()
        {
            var references = CmdletMetadata.Instance.CoreAssembly.GetReferencedAssemblies().Select(a => a.Name);
            Assert.DoesNotContain("System.Management.Automation", references);
        }

        [Fact]
        public void The_cmdlet_assembly_does_not_reference_System_Text_Json()
        {
            // JSON stays in Core, so only Core's copy needs resolving on Windows PowerShell 5.1.
            var references = CmdletMetadata.Instance.Assembly.GetReferencedAssemblies().Select(a => a.Name);
            Assert.DoesNotContain("System.Text.Json", references);
            Assert.Contains("OperationsModule.Core", references);
        }

        [Fact]
        public void Core_targets_the_System_Text_Json_that_PowerShell_7_4_carries()
        {
            var json = CmdletMetadata.Instance.CoreAssembly.GetReferencedAssemblies().Single(a => a.Name == "System.Text.Json");
            Assert.Equal(8, json.Version!.Major);
        }
    }
}
