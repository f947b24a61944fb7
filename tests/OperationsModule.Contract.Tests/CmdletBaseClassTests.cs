using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace OperationsModule.Contract.Tests
{
    /// <summary>
    /// The cmdlets stay shallow: what they share is held (the output port, the transport options' copy), not inherited
    /// through a tower of bases that a reader has to climb to see what one command does.
    /// </summary>
    public sealed class CmdletBaseClassTests
    {
        private const int MostProjectBases = 2;

        public static IEnumerable<object[]> AllCmdlets() => CmdletSurfaceTests.AllCmdlets();

        [Theory]
        [MemberData(nameof(AllCmdlets))]
        public void No_cmdlet_has_more_than_two_of_the_projects_own_base_classes(string cmdlet)
        {
            var chain = ProjectBases(CmdletMetadata.Instance.Get(cmdlet).Type);
            Assert.True(chain.Count <= MostProjectBases,
                $"{cmdlet} sits on {chain.Count} of the module's own base classes ({string.Join(" -> ", chain)}); at most {MostProjectBases}.");
        }

        [Theory]
        [MemberData(nameof(AllCmdlets))]
        public void Every_cmdlet_derives_from_PSCmdlet(string cmdlet)
        {
            var type = CmdletMetadata.Instance.Get(cmdlet).Type;
            var firstForeign = type.BaseType;
            while (firstForeign is not null && firstForeign.Assembly == CmdletMetadata.Instance.Assembly) firstForeign = firstForeign.BaseType;
            Assert.Equal("System.Management.Automation.PSCmdlet", firstForeign?.FullName);
        }

        [Fact]
        public void The_count_sees_a_chain_of_the_modules_own_bases()
        {
            // The rule above must be able to fail: the Stop- commands do sit on two of the module's bases.
            Assert.Equal(new[] { "StopCmdletBase", "OperationsCmdletBase" }, ProjectBases(CmdletMetadata.Instance.Get("Stop-Task").Type));
        }

        /// <summary>The module's own classes between the cmdlet and the first class from elsewhere (PSCmdlet).</summary>
        internal static IReadOnlyList<string> ProjectBases(System.Type cmdlet)
        {
            var chain = new List<string>();
            for (var type = cmdlet.BaseType; type is not null && type.Assembly == CmdletMetadata.Instance.Assembly; type = type.BaseType)
                chain.Add(type.Name);
            return chain;
        }
    }
}
