using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

namespace OperationsModule.Contract.Tests
{
    /// <summary>
    /// The cmdlet assembly read through MetadataLoadContext: the stub SMA cannot run cmdlets, but every
    /// attribute the PowerShell binder will see can be read.
    /// </summary>
    public sealed class CmdletMetadata : IDisposable
    {
        private static readonly Lazy<CmdletMetadata> Shared = new Lazy<CmdletMetadata>(() => new CmdletMetadata());

        private readonly MetadataLoadContext _context;

        private CmdletMetadata()
        {
            var paths = Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")
                .Concat(Directory.GetFiles(RepoPaths.ModuleBin, "*.dll"))
                .Append(RepoPaths.SmaReference)
                .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
                .Select(g => g.Last());
            _context = new MetadataLoadContext(new PathAssemblyResolver(paths), "netstandard");
            Assembly = _context.LoadFromAssemblyPath(RepoPaths.CmdletAssembly);
            CoreAssembly = _context.LoadFromAssemblyPath(RepoPaths.CoreAssembly);
            Sma = _context.LoadFromAssemblyPath(RepoPaths.SmaReference);
            Cmdlets = Assembly.GetTypes()
                .Where(t => !t.IsAbstract && t.GetCustomAttributesData().Any(a => a.AttributeType.Name == "CmdletAttribute"))
                .Select(t => new CmdletInfo(t))
                .OrderBy(c => c.Name)
                .ToList();
        }

        public static CmdletMetadata Instance => Shared.Value;

        public Assembly Assembly { get; }

        public Assembly CoreAssembly { get; }

        public Assembly Sma { get; }

        public IReadOnlyList<CmdletInfo> Cmdlets { get; }

        public CmdletInfo Get(string name) => Cmdlets.SingleOrDefault(c => c.Name == name) ?? throw new InvalidOperationException($"No cmdlet {name} in the assembly.");

        /// <summary>Approved verbs: the string constants of SMA's Verbs* classes.</summary>
        public ISet<string> ApprovedVerbs() => new HashSet<string>(
            Sma.GetTypes().Where(t => t.Namespace == "System.Management.Automation" && t.Name.StartsWith("Verbs", StringComparison.Ordinal))
                .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
                .Where(f => f.IsLiteral)
                .Select(f => (string)f.GetRawConstantValue()!),
            StringComparer.OrdinalIgnoreCase);

        public void Dispose() => _context.Dispose();
    }

    public sealed class CmdletInfo
    {
        public CmdletInfo(Type type)
        {
            Type = type;
            var cmdlet = type.GetCustomAttributesData().Single(a => a.AttributeType.Name == "CmdletAttribute");
            Verb = (string)cmdlet.ConstructorArguments[0].Value!;
            Noun = (string)cmdlet.ConstructorArguments[1].Value!;
            Named = cmdlet.NamedArguments.ToDictionary(n => n.MemberName, n => n.TypedValue.Value);
            Parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetCustomAttributesData().Any(a => a.AttributeType.Name == "ParameterAttribute"))
                .Select(p => new ParameterInfo(p))
                .ToList();
            OutputTypes = type.GetCustomAttributesData().Where(a => a.AttributeType.Name == "OutputTypeAttribute")
                .SelectMany(a => a.ConstructorArguments)
                .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : new[] { arg.Value })
                .OfType<Type>()
                .ToList();
        }

        public Type Type { get; }

        public string Verb { get; }

        public string Noun { get; }

        public string Name => Verb + "-" + Noun;

        public IReadOnlyDictionary<string, object?> Named { get; }

        public bool SupportsShouldProcess => Named.TryGetValue("SupportsShouldProcess", out var v) && v is true;

        /// <summary>ConfirmImpact by name (Medium when not set, as in SMA).</summary>
        public string ConfirmImpact => Named.TryGetValue("ConfirmImpact", out var v) && v is int i ? ((ConfirmImpactName)i).ToString() : "Medium";

        public string? DefaultParameterSetName => Named.TryGetValue("DefaultParameterSetName", out var v) ? v as string : null;

        public IReadOnlyList<ParameterInfo> Parameters { get; }

        public IReadOnlyList<Type> OutputTypes { get; }

        public ParameterInfo Parameter(string name) => Parameters.SingleOrDefault(p => p.Name == name) ?? throw new InvalidOperationException($"{Name} has no parameter -{name}.");

        public override string ToString() => Name;

        private enum ConfirmImpactName { None, Low, Medium, High }
    }

    public sealed class ParameterInfo
    {
        public ParameterInfo(PropertyInfo property)
        {
            Property = property;
            Sets = property.GetCustomAttributesData().Where(a => a.AttributeType.Name == "ParameterAttribute")
                .Select(a => new ParameterSetEntry(a.NamedArguments.ToDictionary(n => n.MemberName, n => n.TypedValue.Value)))
                .ToList();
            Aliases = property.GetCustomAttributesData().Where(a => a.AttributeType.Name == "AliasAttribute")
                .SelectMany(a => a.ConstructorArguments)
                .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => (string)m.Value!) : new[] { (string)arg.Value! })
                .ToList();
            Attributes = property.GetCustomAttributesData().Select(a => a.AttributeType.Name).ToList();
        }

        public PropertyInfo Property { get; }

        public string Name => Property.Name;

        public Type Type => Property.PropertyType;

        public IReadOnlyList<ParameterSetEntry> Sets { get; }

        public IReadOnlyList<string> Aliases { get; }

        public IReadOnlyList<string> Attributes { get; }

        public bool FromPipeline => Sets.Any(s => s.ValueFromPipeline);

        public bool FromPipelineByPropertyName => Sets.Any(s => s.ValueFromPipelineByPropertyName);

        public bool Answers(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase) || Aliases.Contains(name, StringComparer.OrdinalIgnoreCase);
    }

    public sealed class ParameterSetEntry
    {
        private readonly IReadOnlyDictionary<string, object?> _named;

        public ParameterSetEntry(IReadOnlyDictionary<string, object?> named) => _named = named;

        public string SetName => _named.TryGetValue("ParameterSetName", out var v) && v is string s ? s : "__AllParameterSets";

        public bool Mandatory => Flag("Mandatory");

        public bool ValueFromPipeline => Flag("ValueFromPipeline");

        public bool ValueFromPipelineByPropertyName => Flag("ValueFromPipelineByPropertyName");

        public int? Position => _named.TryGetValue("Position", out var v) && v is int i ? i : null;

        public bool DontShow => Flag("DontShow");

        private bool Flag(string name) => _named.TryGetValue(name, out var v) && v is true;
    }
}
