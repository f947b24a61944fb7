using System;
using System.Collections.Generic;
using System.Linq;
using Markdig.Syntax;
using OperationsModule.ModuleBuilder.Markdown;

namespace OperationsModule.ModuleBuilder.Help
{
    /// <summary>
    /// "### -Name" subsections of PARAMETERS: the description, then one ```yaml block per group of parameter
    /// sets (Type, Parameter Sets, Aliases, Accepted values, Required, Position, Default value,
    /// Accept pipeline input, Accept wildcard characters).
    /// </summary>
    public static class ParameterReader
    {
        private const string Section = "## PARAMETERS";

        public static IEnumerable<ParameterHelp> Read(Section section, string file)
        {
            foreach (var subsection in section.Subsections)
            {
                // PlatyPS's fixed text about the common parameters; Get-Help adds them itself.
                if (subsection.Title == "CommonParameters") continue;
                yield return ReadOne(subsection, file);
            }
        }

        private static ParameterHelp ReadOne(Subsection subsection, string file)
        {
            var where = $"{Section}, ### {subsection.Title}";
            if (!subsection.Title.StartsWith("-", StringComparison.Ordinal) || subsection.Title.Length < 2 || subsection.Title.Contains(' '))
                throw new HelpFormatException(file, where, "a parameter heading is '### -Name'");
            var parameter = new ParameterHelp(subsection.Title.Substring(1));
            var yamlBlocks = subsection.Blocks.OfType<FencedCodeBlock>().Where(IsYaml).ToList();
            if (yamlBlocks.Count == 0) throw new HelpFormatException(file, where, "no ```yaml block with the parameter's Type, Required, Position...");
            parameter.Description.AddRange(MarkdownText.Paragraphs(subsection.Blocks.TakeWhile(b => !yamlBlocks.Contains(b))));
            if (parameter.Description.Count == 0) throw new HelpFormatException(file, where, "no description before the ```yaml block");
            foreach (var block in yamlBlocks) ApplyYaml(parameter, MarkdownText.Code(block), file, where);
            return parameter;
        }

        private static bool IsYaml(FencedCodeBlock block) => string.Equals(block.Info, "yaml", StringComparison.OrdinalIgnoreCase);

        private static void ApplyYaml(ParameterHelp parameter, string yaml, string file, string where)
        {
            var fields = YamlFields.Parse(yaml, out var badLine);
            if (badLine != null) throw new HelpFormatException(file, where, $"'{badLine}' is not a 'key: value' line");
            string Field(string key, bool required = true)
            {
                if (fields.TryGetValue(key, out var value) && value.Length > 0) return value;
                if (required) throw new HelpFormatException(file, where, $"the yaml block lacks '{key}:'");
                return string.Empty;
            }

            parameter.Type = Field("Type");
            parameter.Aliases.Clear();
            parameter.Aliases.AddRange(List(Field("Aliases", required: false)));
            parameter.AcceptedValues.Clear();
            parameter.AcceptedValues.AddRange(List(Field("Accepted values", required: false)));
            parameter.DefaultValue = Field("Default value", required: false) is { Length: > 0 } value ? value : "None";
            parameter.PipelineInput = Field("Accept pipeline input");
            if (!parameter.PipelineInput.StartsWith("True", StringComparison.OrdinalIgnoreCase) && !parameter.PipelineInput.Equals("False", StringComparison.OrdinalIgnoreCase))
                throw new HelpFormatException(file, where, $"'Accept pipeline input: {parameter.PipelineInput}' is neither False nor True (ByValue, ByPropertyName)");
            parameter.AcceptsWildcards = Boolean(Field("Accept wildcard characters", required: false) is { Length: > 0 } w ? w : "False", "Accept wildcard characters", file, where);

            var usage = new ParameterUsage
            {
                Required = Boolean(Field("Required"), "Required", file, where),
                Position = Field("Position"),
            };
            if (usage.Position != "Named" && !int.TryParse(usage.Position, out _))
                throw new HelpFormatException(file, where, $"'Position: {usage.Position}' is neither Named nor a number");
            var sets = Field("Parameter Sets", required: false);
            if (sets.Length > 0 && sets != "(All)") usage.Sets.AddRange(List(sets));
            parameter.Usages.Add(usage);
        }

        private static IEnumerable<string> List(string value) =>
            value.Split(',').Select(item => item.Trim()).Where(item => item.Length > 0);

        private static bool Boolean(string value, string key, string file, string where) =>
            bool.TryParse(value, out var result) ? result : throw new HelpFormatException(file, where, $"'{key}: {value}' is neither True nor False");
    }
}
