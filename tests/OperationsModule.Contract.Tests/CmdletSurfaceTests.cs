using System;
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
            // Stop-Job's forwarding sets pass on the built-in's -PassThru output (System.Management.Automation.Job).
            Assert.All(info.OutputTypes.Where(t => t.FullName != "System.Management.Automation.Job"), t => Assert.StartsWith("OperationsModule", t.Namespace));
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
        [InlineData("Stop-WorkflowExecution", "ExecutionId", new[] { "wid", "Id" })]
        [InlineData("Stop-Task", "TaskId", new[] { "Id" })]
        [InlineData("Wait-OutputCreation", "OperationId", new[] { "Id" })]
        [InlineData("Get-OutputCreationResult", "OperationId", new[] { "Id" })]
        public void Id_parameters_take_pipeline_input_by_value_and_property_name(string cmdlet, string parameter, string[] aliases)
        {
            var info = Metadata.Get(cmdlet).Parameter(parameter);
            Assert.True(info.FromPipeline, $"{cmdlet} -{parameter} should take pipeline input by value");
            Assert.True(info.FromPipelineByPropertyName, $"{cmdlet} -{parameter} should take pipeline input by property name");
            Assert.All(aliases, a => Assert.Contains(a, info.Aliases));
        }

        /// <summary>
        /// Stop-Job's BigChange -JobId binds by property name only, with no Id alias: by value or as Id it would
        /// capture `Get-Job | Stop-Job` and `Stop-Job -Id 3`, which must keep meaning PowerShell jobs.
        /// </summary>
        [Fact]
        public void Stop_Job_JobId_binds_by_property_name_only_and_leaves_Id_to_the_built_in()
        {
            var info = Metadata.Get("Stop-Job").Parameter("JobId");
            Assert.True(info.FromPipelineByPropertyName, "Stop-Job -JobId should take pipeline input by property name");
            Assert.False(info.FromPipeline, "Stop-Job -JobId must not take pipeline input by value");
            Assert.DoesNotContain("Id", info.Aliases, StringComparer.OrdinalIgnoreCase);
            Assert.All(info.Sets, s => Assert.Equal("BigChangeJob", s.SetName));
        }

        [Theory]
        [InlineData("Submit-OutputCreation", "Stop-OutputCreation")]
        [InlineData("Submit-OutputCreation", "Wait-OutputCreation")]
        [InlineData("Submit-OutputCreation", "Get-OutputCreationResult")]
        [InlineData("Wait-OutputCreation", "Stop-OutputCreation")]
        public void Output_of_one_cmdlet_binds_to_the_next(string producer, string consumer)
        {
            var output = Metadata.Get(producer).OutputTypes.Single();
            var consumerInfo = Metadata.Get(consumer);
            var properties = output.GetProperties().Select(p => p.Name).ToList();
            var bindingSets = SetsThePipelineCanBind(consumerInfo, output, properties);
            Assert.True(bindingSets.Count > 0, $"{output.Name} satisfies the mandatory pipeline parameters of none of {consumer}'s parameter sets");
            Assert.Contains("Session", properties);
            Assert.True(consumerInfo.Parameter("Session").FromPipelineByPropertyName);
        }

        /// <summary>
        /// The consumer's parameter sets in which every mandatory by-property-name parameter is answered by a property
        /// of the producer's output (a set with a mandatory by-value parameter of the output's own type counts too).
        /// Sets with no mandatory pipeline parameter cannot be chosen by the piped object and do not count.
        /// </summary>
        private static IReadOnlyList<string> SetsThePipelineCanBind(CmdletInfo consumer, Type output, IReadOnlyList<string> properties)
        {
            var entries = consumer.Parameters.SelectMany(p => p.Sets.Select(s => (Parameter: p, Set: s))).ToList();
            var named = entries.Select(e => e.Set.SetName).Where(n => n != "__AllParameterSets").Distinct().DefaultIfEmpty("__AllParameterSets");
            var result = new List<string>();
            foreach (var set in named)
            {
                var mandatory = entries.Where(e => (e.Set.SetName == set || e.Set.SetName == "__AllParameterSets") && e.Set.Mandatory).ToList();
                var byType = mandatory.Where(e => e.Set.ValueFromPipeline && e.Parameter.Type.Name == output.Name).ToList();
                var byName = mandatory.Where(e => e.Set.ValueFromPipelineByPropertyName && !byType.Contains(e)).ToList();
                var unbindable = mandatory.Where(e => e.Set.ValueFromPipeline && !e.Set.ValueFromPipelineByPropertyName && !byType.Contains(e));
                if (byType.Count + byName.Count == 0 || unbindable.Any()) continue;
                if (byName.All(e => properties.Any(e.Parameter.Answers))) result.Add(set);
            }
            return result;
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
