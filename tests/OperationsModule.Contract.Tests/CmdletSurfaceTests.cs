using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace OperationsModule.Contract.Tests
{
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
        public void Verbs_are_approved(string cmdlet)
        {
            var info = Metadata.Get(cmdlet);
            Assert.Contains(info.Verb, Metadata.ApprovedVerbs());
        }

        [Theory]
        [MemberData(nameof(AllCmdlets))]
        public void Every_cmdlet_declares_its_output_type(string cmdlet)
        {
            var info = Metadata.Get(cmdlet);
            Assert.NotEmpty(info.OutputTypes);
            Assert.All(info.OutputTypes, t => Assert.StartsWith("OperationsModule", t.Namespace));
        }

        [Theory]
        [MemberData(nameof(AllCmdlets))]
        public void Cmdlets_that_change_a_system_support_ShouldProcess_with_the_documented_impact(string cmdlet)
        {
            var info = Metadata.Get(cmdlet);
            var changes = new[] { "Stop", "Submit", "Disconnect", "Remove", "Set", "New", "Start" }.Contains(info.Verb);
            if (!changes) return;
            Assert.True(info.SupportsShouldProcess, $"{cmdlet} changes something but lacks SupportsShouldProcess");
            var expected = info.Verb == "Submit" ? "Low" : "Medium";
            Assert.Equal(expected, info.ConfirmImpact);
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
        [InlineData("Stop-OutputCreation", "OperationId", new[] { "Id" })]
        [InlineData("Submit-OutputCreation", "JobId", new[] { "Id", "JobIds" })]
        public void Id_parameters_take_pipeline_input_by_value_and_property_name(string cmdlet, string parameter, string[] aliases)
        {
            var info = Metadata.Get(cmdlet).Parameter(parameter);
            Assert.True(info.FromPipeline, $"{cmdlet} -{parameter} should take pipeline input by value");
            Assert.True(info.FromPipelineByPropertyName, $"{cmdlet} -{parameter} should take pipeline input by property name");
            Assert.All(aliases, a => Assert.Contains(a, info.Aliases));
        }

        [Theory]
        [InlineData("Submit-OutputCreation", "Stop-OutputCreation")]
        public void Output_of_one_cmdlet_binds_to_the_next(string producer, string consumer)
        {
            var output = Metadata.Get(producer).OutputTypes.Single();
            var consumerInfo = Metadata.Get(consumer);
            var properties = output.GetProperties().Select(p => p.Name).ToList();
            var idBinds = consumerInfo.Parameters.Where(p => p.FromPipelineByPropertyName && p.Sets.Any(s => s.Mandatory))
                .All(p => properties.Any(p.Answers));
            Assert.True(idBinds, $"{output.Name} has no property that binds to {consumer}'s mandatory pipeline parameter");
            Assert.Contains("Session", properties);
            Assert.True(consumerInfo.Parameter("Session").FromPipelineByPropertyName);
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
