using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace OperationsModule.Contract.Tests
{
    /// <summary>docs/en-US stays in step with the code: one PlatyPS page per cmdlet, every parameter documented as it is.</summary>
    public sealed class HelpDocsTests
    {
        private static readonly string[] RequiredSections = { "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS" };

        public static IEnumerable<object[]> AllCmdlets() => CmdletSurfaceTests.AllCmdlets();

        [Theory]
        [MemberData(nameof(AllCmdlets))]
        public void Every_cmdlet_has_a_PlatyPS_page(string cmdlet)
        {
            Assert.True(File.Exists(HelpPage.PathFor(cmdlet)), $"docs/en-US/{cmdlet}.md is missing");
            var page = HelpPage.Load(cmdlet);
            Assert.Contains("external help file: OperationsModule.dll-Help.xml", page.Text);
            Assert.Contains("Module Name: OperationsModule", page.Text);
            Assert.Contains("schema: 2.0.0", page.Text);
            Assert.Contains("\n# " + cmdlet + "\n", page.Text);
            Assert.All(RequiredSections, s => Assert.True(page.HasSection(s), $"{cmdlet}.md lacks ## {s}"));
            Assert.True(page.ExampleCount >= 3, $"{cmdlet}.md has {page.ExampleCount} examples; at least 3 are expected");
        }

        [Theory]
        [MemberData(nameof(AllCmdlets))]
        public void Every_parameter_is_documented_with_its_type_aliases_and_pipeline_input(string cmdlet)
        {
            var info = CmdletMetadata.Instance.Get(cmdlet);
            var page = HelpPage.Load(cmdlet);
            foreach (var parameter in info.Parameters.Where(p => !p.Sets.All(s => s.DontShow)))
            {
                Assert.True(page.Parameters.TryGetValue(parameter.Name, out var section), $"{cmdlet}.md does not document -{parameter.Name}");
                Assert.Equal(parameter.Type.Name.Replace("Nullable`1", "Nullable"), HelpPage.YamlValue(section!, "Type"));
                var aliases = HelpPage.YamlValue(section!, "Aliases") ?? string.Empty;
                Assert.All(parameter.Aliases, a => Assert.Contains(a, aliases));
                var pipeline = HelpPage.YamlValue(section!, "Accept pipeline input") ?? string.Empty;
                Assert.Equal(parameter.FromPipeline || parameter.FromPipelineByPropertyName, pipeline.StartsWith("True"));
                if (parameter.FromPipeline) Assert.Contains("ByValue", pipeline);
                if (parameter.FromPipelineByPropertyName) Assert.Contains("ByPropertyName", pipeline);
            }
        }

        [Theory]
        [MemberData(nameof(AllCmdlets))]
        public void No_page_documents_a_parameter_that_does_not_exist(string cmdlet)
        {
            var info = CmdletMetadata.Instance.Get(cmdlet);
            var known = info.Parameters.Select(p => p.Name).ToHashSet(System.StringComparer.OrdinalIgnoreCase);
            if (info.SupportsShouldProcess) { known.Add("WhatIf"); known.Add("Confirm"); }
            known.Add("ProgressAction");
            var stale = HelpPage.Load(cmdlet).Parameters.Keys.Where(k => !known.Contains(k)).ToList();
            Assert.Empty(stale);
        }

        [Theory]
        [MemberData(nameof(AllCmdlets))]
        public void ShouldProcess_cmdlets_document_WhatIf_and_Confirm(string cmdlet)
        {
            if (!CmdletMetadata.Instance.Get(cmdlet).SupportsShouldProcess) return;
            var page = HelpPage.Load(cmdlet);
            Assert.True(page.Parameters.ContainsKey("WhatIf"), $"{cmdlet}.md lacks -WhatIf");
            Assert.True(page.Parameters.ContainsKey("Confirm"), $"{cmdlet}.md lacks -Confirm");
            Assert.Contains("### CommonParameters", page.Text);
        }

        [Fact]
        public void Every_page_in_docs_belongs_to_a_cmdlet_or_is_an_about_topic()
        {
            var cmdlets = CmdletMetadata.Instance.Cmdlets.Select(c => c.Name + ".md").ToHashSet();
            var orphans = Directory.GetFiles(RepoPaths.Docs, "*.md").Select(Path.GetFileName)
                .Where(f => !cmdlets.Contains(f!) && !f!.StartsWith("about_"))
                .ToList();
            Assert.Empty(orphans);
        }
    }
}
