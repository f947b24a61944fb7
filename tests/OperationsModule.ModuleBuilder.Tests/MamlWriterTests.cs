using System.Linq;
using System.Xml.Linq;
using OperationsModule.ModuleBuilder.Help;
using static OperationsModule.ModuleBuilder.Help.MamlNamespaces;
using Xunit;

namespace OperationsModule.ModuleBuilder.Tests
{
    /// <summary>The MAML elements Get-Help reads, checked by their namespaced names (those PlatyPS's New-ExternalHelp writes).</summary>
    public sealed class MamlWriterTests
    {
        private static readonly XElement Written = MamlWriter.Write(new[] { CommandPageReader.Read(SamplePage.Text, SamplePage.File) })
            .Root!.Element(Command + "command")!;

        private static string[] Paras(XElement? parent) => parent!.Elements(Maml + "para").Select(p => p.Value).ToArray();

        private static XElement Parameter(string name) =>
            Written.Element(Command + "parameters")!.Elements(Command + "parameter").Single(p => p.Element(Maml + "name")!.Value == name);

        [Fact]
        public void The_root_is_a_maml_helpItems_document()
        {
            var document = MamlWriter.Write(new[] { CommandPageReader.Read(SamplePage.Text, SamplePage.File) });
            Assert.Equal(Msh + "helpItems", document.Root!.Name);
            Assert.Equal("maml", document.Root.Attribute("schema")!.Value);
        }

        [Fact]
        public void Details_carry_the_name_verb_noun_and_synopsis()
        {
            var details = Written.Element(Command + "details")!;
            Assert.Equal("Stop-Thing", details.Element(Command + "name")!.Value);
            Assert.Equal("Stop", details.Element(Command + "verb")!.Value);
            Assert.Equal("Thing", details.Element(Command + "noun")!.Value);
            Assert.Equal(new[] { "Stops things." }, Paras(details.Element(Maml + "description")));
        }

        [Fact]
        public void The_description_is_one_para_per_block()
        {
            Assert.Equal(3, Paras(Written.Element(Maml + "description")).Length);
        }

        [Fact]
        public void Each_parameter_carries_description_type_required_position_pipeline_aliases_and_default()
        {
            var id = Parameter("Id");
            Assert.Equal("true", id.Attribute("required")!.Value);
            Assert.Equal("0", id.Attribute("position")!.Value);
            Assert.Equal("True (ByPropertyName, ByValue)", id.Attribute("pipelineInput")!.Value);
            Assert.Equal("ThingId, Identity", id.Attribute("aliases")!.Value);
            Assert.Equal("true", id.Attribute("variableLength")!.Value);
            Assert.Equal("false", id.Attribute("globbing")!.Value);
            Assert.Equal(new[] { "The thing IDs." }, Paras(id.Element(Maml + "description")));
            Assert.Equal("String[]", id.Element(Dev + "type")!.Element(Maml + "name")!.Value);
            Assert.Equal("String[]", id.Element(Command + "parameterValue")!.Value);
            Assert.Equal("None", id.Element(Dev + "defaultValue")!.Value);

            var name = Parameter("Name");
            Assert.Equal("named", name.Attribute("position")!.Value);
            Assert.Equal("none", name.Attribute("aliases")!.Value);
            Assert.Equal("true", name.Attribute("globbing")!.Value);
            Assert.Equal("False", Parameter("Force").Element(Dev + "defaultValue")!.Value);
        }

        [Fact]
        public void The_syntax_has_one_item_per_set_with_its_parameters_and_no_value_for_switches()
        {
            var items = Written.Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();
            string[] NamesIn(XElement item) => item.Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value).ToArray();
            Assert.Equal(2, items.Count);
            Assert.Equal(new[] { "Id", "Force" }, NamesIn(items[0]));
            Assert.Equal(new[] { "Name" }, NamesIn(items[1]));
            Assert.Equal("Stop-Thing", items[0].Element(Maml + "name")!.Value);
            var force = items[0].Elements(Command + "parameter").Single(p => p.Element(Maml + "name")!.Value == "Force");
            Assert.Null(force.Element(Command + "parameterValue"));
        }

        [Fact]
        public void Examples_carry_a_title_the_code_and_the_remarks()
        {
            var example = Written.Element(Command + "examples")!.Elements(Command + "example").First();
            Assert.Contains("Example 1: Stop one thing", example.Element(Maml + "title")!.Value);
            Assert.Equal("Stop-Thing -Id 'a'", example.Element(Dev + "code")!.Value);
            Assert.Equal(new[] { "Id Status\n-- ------\na  Stopped", "Stops thing a." }, Paras(example.Element(Dev + "remarks")));
        }

        [Fact]
        public void Inputs_outputs_and_notes_are_written()
        {
            var input = Written.Element(Command + "inputTypes")!.Element(Command + "inputType")!;
            Assert.Equal("System.String", input.Element(Dev + "type")!.Element(Maml + "name")!.Value);
            Assert.Equal(new[] { "Thing IDs, by value." }, Paras(input.Element(Maml + "description")));
            var output = Written.Element(Command + "returnValues")!.Element(Command + "returnValue")!;
            Assert.Equal("Sample.StopResult", output.Element(Dev + "type")!.Element(Maml + "name")!.Value);
            Assert.Equal("Needs the Operator role.", Paras(Written.Element(Maml + "alertSet")!.Element(Maml + "alert")).First());
        }

        [Fact]
        public void Related_links_keep_their_text_and_only_absolute_uris()
        {
            var links = Written.Element(Command + "relatedLinks")!.Elements(Maml + "navigationLink")
                .Select(l => (l.Element(Maml + "linkText")!.Value, l.Element(Maml + "uri")!.Value));
            Assert.Equal(new[] { ("Start-Thing", ""), ("Online docs", "https://example.org/stop-thing") }, links);
        }
    }
}
