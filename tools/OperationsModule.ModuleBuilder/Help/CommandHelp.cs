using System.Collections.Generic;

namespace OperationsModule.ModuleBuilder.Help
{
    /// <summary>One cmdlet's help, as read from its PlatyPS page: what the MAML carries, nothing about markdown.</summary>
    public sealed class CommandHelp
    {
        public CommandHelp(string name) => Name = name;

        public string Name { get; }

        /// <summary>The front matter's "external help file": the MAML file this page belongs to.</summary>
        public string ExternalHelpFile { get; set; } = string.Empty;

        public string Synopsis { get; set; } = string.Empty;

        public List<string> Description { get; } = new List<string>();

        /// <summary>Parameter set names in page order (the default set first, as PlatyPS writes it).</summary>
        public List<string> ParameterSets { get; } = new List<string>();

        public List<ParameterHelp> Parameters { get; } = new List<ParameterHelp>();

        public List<ExampleHelp> Examples { get; } = new List<ExampleHelp>();

        public List<TypeHelp> Inputs { get; } = new List<TypeHelp>();

        public List<TypeHelp> Outputs { get; } = new List<TypeHelp>();

        public List<string> Notes { get; } = new List<string>();

        public List<LinkHelp> RelatedLinks { get; } = new List<LinkHelp>();
    }

    /// <summary>One "### -Name" entry of PARAMETERS.</summary>
    public sealed class ParameterHelp
    {
        public ParameterHelp(string name) => Name = name;

        public string Name { get; }

        public List<string> Description { get; } = new List<string>();

        public string Type { get; set; } = string.Empty;

        public List<string> Aliases { get; } = new List<string>();

        public List<string> AcceptedValues { get; } = new List<string>();

        public string DefaultValue { get; set; } = "None";

        /// <summary>As written: "False", or "True (ByValue, ByPropertyName)".</summary>
        public string PipelineInput { get; set; } = "False";

        public bool AcceptsWildcards { get; set; }

        /// <summary>One per yaml block: PlatyPS writes a block per group of sets that share Required and Position.</summary>
        public List<ParameterUsage> Usages { get; } = new List<ParameterUsage>();

        public bool IsSwitch => Type == "SwitchParameter" || Type == "System.Management.Automation.SwitchParameter";
    }

    /// <summary>Required and Position of a parameter in some parameter sets; no sets means all of them.</summary>
    public sealed class ParameterUsage
    {
        public List<string> Sets { get; } = new List<string>();

        public bool AllSets => Sets.Count == 0;

        public bool Required { get; set; }

        /// <summary>"Named", or a number as text.</summary>
        public string Position { get; set; } = "Named";

        public bool AppliesTo(string set) => AllSets || Sets.Contains(set);
    }

    public sealed class ExampleHelp
    {
        public ExampleHelp(string title) => Title = title;

        public string Title { get; }

        /// <summary>The ```powershell blocks, runnable as they are.</summary>
        public List<string> Code { get; } = new List<string>();

        /// <summary>The explanation, with sample output blocks (untagged ``` blocks) indented in place.</summary>
        public List<string> Remarks { get; } = new List<string>();
    }

    /// <summary>An INPUTS or OUTPUTS entry: "### TypeName" and what it means.</summary>
    public sealed class TypeHelp
    {
        public TypeHelp(string typeName) => TypeName = typeName;

        public string TypeName { get; }

        public List<string> Description { get; } = new List<string>();
    }

    public sealed class LinkHelp
    {
        public LinkHelp(string text, string uri)
        {
            Text = text;
            Uri = uri;
        }

        public string Text { get; }

        /// <summary>As written; relative links between pages are kept here and dropped from the MAML's uri.</summary>
        public string Uri { get; }
    }
}
