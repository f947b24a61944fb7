using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using static OperationsModule.ModuleBuilder.Help.MamlNamespaces;

namespace OperationsModule.ModuleBuilder.Help
{
    /// <summary>
    /// Writes the MAML that Get-Help reads for binary cmdlets (&lt;assembly&gt;.dll-Help.xml), with the element
    /// names and attribute spellings PlatyPS's New-ExternalHelp emits, so Get-Help renders it the same way.
    /// </summary>
    public static class MamlWriter
    {
        /// <summary>Get-Help prints example titles as they are; dashes to this width make them stand out like built-in help.</summary>
        private const int ExampleTitleWidth = 64;

        public static XDocument Write(IEnumerable<CommandHelp> commands) =>
            new XDocument(
                new XDeclaration("1.0", "utf-8", null),
                new XElement(Msh + "helpItems", new XAttribute("schema", "maml"), commands.Select(CommandElement)));

        private static XElement CommandElement(CommandHelp help)
        {
            var dash = help.Name.IndexOf('-');
            return new XElement(Command + "command",
                new XAttribute(XNamespace.Xmlns + "maml", Maml),
                new XAttribute(XNamespace.Xmlns + "command", Command),
                new XAttribute(XNamespace.Xmlns + "dev", Dev),
                new XAttribute(XNamespace.Xmlns + "MSHelp", MsHelp),
                new XElement(Command + "details",
                    new XElement(Command + "name", help.Name),
                    new XElement(Command + "verb", dash > 0 ? help.Name.Substring(0, dash) : help.Name),
                    new XElement(Command + "noun", dash > 0 ? help.Name.Substring(dash + 1) : string.Empty),
                    Description(new[] { help.Synopsis })),
                Description(help.Description),
                new XElement(Command + "syntax", help.ParameterSets.Select(set => SyntaxItem(help, set))),
                new XElement(Command + "parameters", help.Parameters.Select(p => Parameter(p, p.Usages[0], inSyntax: false))),
                new XElement(Command + "inputTypes", help.Inputs.Select(t => TypeEntry("inputType", t))),
                new XElement(Command + "returnValues", help.Outputs.Select(t => TypeEntry("returnValue", t))),
                new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paragraphs(help.Notes))),
                new XElement(Command + "examples", help.Examples.Select(Example)),
                new XElement(Command + "relatedLinks", help.RelatedLinks.Select(Link)));
        }

        /// <summary>The set's parameters: positional ones by position, then the rest in page order.</summary>
        private static XElement SyntaxItem(CommandHelp help, string set)
        {
            var members = help.Parameters
                .Select(p => (Parameter: p, Usage: p.Usages.FirstOrDefault(u => u.AppliesTo(set))))
                .Where(m => m.Usage != null)
                .Select((m, order) => (m.Parameter, Usage: m.Usage!, Order: order))
                .OrderBy(m => int.TryParse(m.Usage.Position, out var position) ? position : int.MaxValue)
                .ThenBy(m => m.Order);
            return new XElement(Command + "syntaxItem",
                new XElement(Maml + "name", help.Name),
                members.Select(m => Parameter(m.Parameter, m.Usage, inSyntax: true)));
        }

        private static XElement Parameter(ParameterHelp parameter, ParameterUsage usage, bool inSyntax)
        {
            var isArray = parameter.Type.EndsWith("[]", StringComparison.Ordinal);
            return new XElement(Command + "parameter",
                new XAttribute("required", Lower(usage.Required)),
                new XAttribute("variableLength", Lower(isArray)),
                new XAttribute("globbing", Lower(parameter.AcceptsWildcards)),
                new XAttribute("pipelineInput", parameter.PipelineInput),
                new XAttribute("position", usage.Position.ToLowerInvariant()),
                new XAttribute("aliases", parameter.Aliases.Count > 0 ? string.Join(", ", parameter.Aliases) : "none"),
                new XElement(Maml + "name", parameter.Name),
                Description(parameter.Description),
                inSyntax && parameter.AcceptedValues.Count > 0
                    ? new XElement(Command + "parameterValueGroup", parameter.AcceptedValues.Select(v =>
                        new XElement(Command + "parameterValue", new XAttribute("required", "false"), new XAttribute("variableLength", "false"), v)))
                    : null,
                // A switch takes no value: in the syntax, a value placeholder would print "-Force <SwitchParameter>".
                inSyntax && parameter.IsSwitch
                    ? null
                    : new XElement(Command + "parameterValue", new XAttribute("required", Lower(!parameter.IsSwitch)), new XAttribute("variableLength", Lower(isArray)), parameter.Type),
                new XElement(Dev + "type", new XElement(Maml + "name", parameter.Type), new XElement(Maml + "uri")),
                new XElement(Dev + "defaultValue", parameter.IsSwitch && parameter.DefaultValue == "None" ? "False" : parameter.DefaultValue));
        }

        private static XElement TypeEntry(string element, TypeHelp type) =>
            new XElement(Command + element,
                new XElement(Dev + "type", new XElement(Maml + "name", type.TypeName)),
                Description(type.Description));

        private static XElement Example(ExampleHelp example) =>
            new XElement(Command + "example",
                new XElement(Maml + "title", PadTitle(example.Title)),
                new XElement(Dev + "code", string.Join("\n\n", example.Code)),
                new XElement(Dev + "remarks", Paragraphs(example.Remarks)));

        /// <summary>Get-Help needs an absolute uri or none: a relative link between pages keeps only its text.</summary>
        private static XElement Link(LinkHelp link) =>
            new XElement(Maml + "navigationLink",
                new XElement(Maml + "linkText", link.Text),
                new XElement(Maml + "uri", Uri.TryCreate(link.Uri, UriKind.Absolute, out _) ? link.Uri : string.Empty));

        private static XElement Description(IEnumerable<string> paragraphs) => new XElement(Maml + "description", Paragraphs(paragraphs));

        private static IEnumerable<XElement> Paragraphs(IEnumerable<string> paragraphs) => paragraphs.Select(p => new XElement(Maml + "para", p));

        private static string PadTitle(string title)
        {
            var dashes = (ExampleTitleWidth - title.Length - 2) / 2;
            if (dashes <= 0) return title;
            var side = new string('-', dashes);
            return $"{side} {title} {side}";
        }

        private static string Lower(bool value) => value ? "true" : "false";
    }
}
