using System.Linq;
using OperationsModule.ModuleBuilder.Help;
using Xunit;

namespace OperationsModule.ModuleBuilder.Tests
{
    public sealed class CommandPageReaderTests
    {
        private static CommandHelp Read(string text = SamplePage.Text) => CommandPageReader.Read(text, SamplePage.File);

        [Fact]
        public void Reads_the_name_and_the_MAML_file_from_the_title_and_front_matter()
        {
            var help = Read();
            Assert.Equal("Stop-Thing", help.Name);
            Assert.Equal("Sample.dll-Help.xml", help.ExternalHelpFile);
        }

        [Fact]
        public void Reads_the_synopsis_and_the_description_as_plain_text_paragraphs()
        {
            var help = Read();
            Assert.Equal("Stops things.", help.Synopsis);
            Assert.Equal(new[] { "Stops the things given, one request each, with `DELETE /things/{id}`.", "- first point", "- second point" }, help.Description);
        }

        [Fact]
        public void Reads_the_parameter_sets_from_the_syntax_headings_without_the_default_marker()
        {
            Assert.Equal(new[] { "ById", "ByName" }, Read().ParameterSets);
        }

        [Fact]
        public void Reads_every_parameter_with_its_yaml_metadata_and_skips_CommonParameters()
        {
            var help = Read();
            Assert.Equal(new[] { "Id", "Name", "Force" }, help.Parameters.Select(p => p.Name));
            var id = help.Parameters[0];
            Assert.Equal(new[] { "The thing IDs." }, id.Description);
            Assert.Equal("String[]", id.Type);
            Assert.Equal(new[] { "ThingId", "Identity" }, id.Aliases);
            Assert.Equal("True (ByPropertyName, ByValue)", id.PipelineInput);
            Assert.False(id.AcceptsWildcards);
            var usage = Assert.Single(id.Usages);
            Assert.True(usage.Required);
            Assert.Equal("0", usage.Position);
            Assert.Equal(new[] { "ById" }, usage.Sets);
            Assert.True(help.Parameters[1].AcceptsWildcards);
            Assert.Empty(help.Parameters[1].Aliases);
            Assert.True(help.Parameters[2].IsSwitch);
        }

        [Fact]
        public void Keeps_powershell_blocks_as_example_code_and_output_blocks_and_text_as_remarks()
        {
            var examples = Read().Examples;
            Assert.Equal(new[] { "Example 1: Stop one thing", "Example 2: Stop from the pipeline" }, examples.Select(e => e.Title));
            Assert.Equal(new[] { "Stop-Thing -Id 'a'" }, examples[0].Code);
            Assert.Equal(new[] { "Id Status\n-- ------\na  Stopped", "Stops thing a." }, examples[0].Remarks);
            Assert.Equal(new[] { "Both are stopped; see the docs (https://example.org/things)." }, examples[1].Remarks);
        }

        [Fact]
        public void Reads_inputs_outputs_notes_and_related_links()
        {
            var help = Read();
            var input = Assert.Single(help.Inputs);
            Assert.Equal("System.String", input.TypeName);
            Assert.Equal(new[] { "Thing IDs, by value." }, input.Description);
            Assert.Equal("Sample.StopResult", Assert.Single(help.Outputs).TypeName);
            Assert.Equal(new[] { "Needs the Operator role.", "Status | Meaning\n404 | no such thing" }, help.Notes);
            Assert.Equal(new[] { ("Start-Thing", "Start-Thing.md"), ("Online docs", "https://example.org/stop-thing") }, help.RelatedLinks.Select(l => (l.Text, l.Uri)));
        }

        [Fact]
        public void Reads_a_parameter_documented_per_set_in_several_yaml_blocks()
        {
            // A second block for -Name: optional at position 1 in the ById set.
            var twoBlocks = SamplePage.With("Accept wildcard characters: True\n```\n", """
Accept wildcard characters: True
```

```yaml
Type: String
Parameter Sets: ById
Required: False
Position: 1
Accept pipeline input: False
```

""");
            var name = Read(twoBlocks).Parameters.Single(p => p.Name == "Name");
            Assert.Equal(new[] { ("ByName", true, "Named"), ("ById", false, "1") }, name.Usages.Select(u => (u.Sets.Single(), u.Required, u.Position)));
        }
    }
}
