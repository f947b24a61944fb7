using OperationsModule.ModuleBuilder.Help;
using Xunit;

namespace OperationsModule.ModuleBuilder.Tests
{
    /// <summary>Each broken page fails with the file, the section and what is wrong, never with a half-written help file.</summary>
    public sealed class MalformedPageTests
    {
        public static TheoryData<string, string, string, string> Breakages() => new TheoryData<string, string, string, string>
        {
            { "external help file: Sample.dll-Help.xml\n", "", "front matter", "no 'external help file:'" },
            { "# Stop-Thing\n", "# Stop-Thing\n\n# Another-Title\n", "# title", "found 2" },
            { "## SYNOPSIS\nStops things.\n", "", "## SYNOPSIS", "missing" },
            { "## SYNOPSIS\nStops things.\n", "## SYNOPSIS\n", "## SYNOPSIS", "empty" },
            { "## NOTES", "## REMARKS", "## REMARKS", "not a PlatyPS section" },
            { "```powershell\nStop-Thing -Id 'a'\n```", "Stop-Thing -Id 'a'", "## EXAMPLES, ### Example 1: Stop one thing", "no ```powershell code block" },
            { "The thing IDs.\n\n```yaml\nType: String[]", "The thing IDs.\n\n```text\nType: String[]", "## PARAMETERS, ### -Id", "no ```yaml block" },
            { "The thing IDs.\n", "", "## PARAMETERS, ### -Id", "no description" },
            { "Type: String[]\n", "", "## PARAMETERS, ### -Id", "lacks 'Type:'" },
            { "Required: True\nPosition: 0", "Required: Yes\nPosition: 0", "## PARAMETERS, ### -Id", "'Required: Yes' is neither True nor False" },
            { "Position: 0", "Position: first", "## PARAMETERS, ### -Id", "neither Named nor a number" },
            { "Accept pipeline input: False\nAccept wildcard characters: True", "Accept pipeline input: Sometimes\nAccept wildcard characters: True", "## PARAMETERS, ### -Name", "'Accept pipeline input: Sometimes'" },
            { "Parameter Sets: ByName", "Parameter Sets: ByLabel", "## PARAMETERS, ### -Name", "parameter set 'ByLabel' is not under ## SYNTAX" },
            { "### -Force", "### Force", "## PARAMETERS, ### Force", "'### -Name'" },
            { "[Start-Thing](Start-Thing.md)", "Start-Thing", "## RELATED LINKS", "not a [text](uri) link" },
        };

        [Theory]
        [MemberData(nameof(Breakages))]
        public void Names_the_file_the_section_and_the_problem(string original, string broken, string section, string problem)
        {
            var error = Assert.Throws<HelpFormatException>(() => CommandPageReader.Read(SamplePage.With(original, broken), SamplePage.File));
            Assert.Equal(SamplePage.File, error.File);
            Assert.Equal(section, error.Section);
            Assert.Contains(problem, error.Problem);
            Assert.StartsWith($"{SamplePage.File}: {section}: ", error.Message);
        }

        [Fact]
        public void A_page_without_front_matter_is_refused()
        {
            var error = Assert.Throws<HelpFormatException>(() => CommandPageReader.Read("# Stop-Thing\n\n## SYNOPSIS\nx\n", SamplePage.File));
            Assert.Equal("front matter", error.Section);
        }
    }
}
