using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace OperationsModule.Contract.Tests
{
    /// <summary>
    /// Design rules only the assembly's metadata shows. How PowerShell binds, resolves sets, prompts and writes
    /// output is tested where it happens: in a live runspace (tests/OperationsModule.PowerShell.Tests).
    /// </summary>
    public sealed class CmdletSurfaceTests
    {
        private static CmdletMetadata Metadata => CmdletMetadata.Instance;

        public static IEnumerable<object[]> AllCmdlets() => CmdletMetadata.Instance.Cmdlets.Select(c => new object[] { c.Name });

        [Fact]
        public void The_assembly_defines_the_product_cmdlets()
        {
            var names = Metadata.Cmdlets.Select(c => c.Name).ToList();
            Assert.Contains("Submit-OutputCreation", names);
            Assert.Contains("Stop-OutputCreation", names);
        }

        [Theory]
        [MemberData(nameof(AllCmdlets))]
        public void At_most_one_parameter_per_set_takes_whole_pipeline_objects(string cmdlet)
        {
            var info = Metadata.Get(cmdlet);
            var perSet = info.Parameters.SelectMany(p => p.Sets.Where(s => s.ValueFromPipeline).Select(s => (s.SetName, p.Name)))
                .GroupBy(x => x.SetName)
                .Where(g => g.Count() > 1)
                .Select(g => g.Key + ": " + string.Join(", ", g.Select(x => x.Name)))
                .ToList();
            Assert.Empty(perSet);
        }

        [Theory]
        [MemberData(nameof(AllCmdlets))]
        public void No_parameter_shadows_a_common_parameter(string cmdlet)
        {
            var common = new[] { "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ErrorVariable", "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm", "ProgressAction" };
            var info = Metadata.Get(cmdlet);
            Assert.Empty(info.Parameters.Where(p => common.Any(c => p.Answers(c))).Select(p => p.Name));
        }

        [Theory]
        [MemberData(nameof(AllCmdlets))]
        public void Secrets_are_typed_as_SecureString_or_PSCredential(string cmdlet)
        {
            var info = Metadata.Get(cmdlet);
            foreach (var parameter in info.Parameters.Where(p => p.Name is "Token" or "Password" or "Secret" or "ClientSecret" or "ApiKey"))
                Assert.Equal("SecureString", parameter.Type.Name);
            foreach (var parameter in info.Parameters.Where(p => p.Name == "Credential"))
            {
                Assert.Equal("PSCredential", parameter.Type.Name);
                Assert.Contains("CredentialAttribute", parameter.Attributes);
            }
        }
    }
}
