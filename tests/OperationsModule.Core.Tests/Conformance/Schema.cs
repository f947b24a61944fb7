using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace OperationsModule.Core.Tests.Conformance
{
    /// <summary>
    /// Just enough of a JSON schema to hold what the vendors' specs state about the bodies the module exchanges:
    /// a JSON kind, and for objects the named properties (each with its kind, some required). Objects are closed:
    /// a property the spec does not name is reported, so the simulator cannot grow fields the vendor never documented.
    /// </summary>
    internal sealed class Schema
    {
        private readonly IReadOnlyList<Property> _properties;

        private Schema(JsonValueKind kind, bool integer = false, IReadOnlyList<Property>? properties = null, bool open = false)
        {
            Kind = kind;
            Integer = integer;
            _properties = properties ?? new Property[0];
            Open = open;
        }

        public JsonValueKind Kind { get; }

        private bool Integer { get; }

        /// <summary>An object whose members the spec leaves free (additionalProperties, or "type: object" alone).</summary>
        private bool Open { get; }

        public static readonly Schema String = new Schema(JsonValueKind.String);
        public static readonly Schema Int = new Schema(JsonValueKind.Number, integer: true);
        public static readonly Schema Boolean = new Schema(JsonValueKind.True);
        public static readonly Schema Array = new Schema(JsonValueKind.Array);
        public static readonly Schema AnyObject = new Schema(JsonValueKind.Object, open: true);

        public static Schema Object(params Property[] properties) => new Schema(JsonValueKind.Object, properties: properties);

        public static Property Required(string name, Schema schema) => new Property(name, schema, true);

        public static Property Optional(string name, Schema schema) => new Property(name, schema, false);

        public IEnumerable<string> Problems(string json, string at = "body")
        {
            JsonElement root;
            try
            {
                using var document = JsonDocument.Parse(json);
                root = document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                return new[] { $"{at}: not JSON ({ex.Message})" };
            }
            return Problems(root, at).ToList();
        }

        public IEnumerable<string> Problems(JsonElement value, string at)
        {
            if (!KindMatches(value))
            {
                yield return $"{at}: {value.ValueKind} where the spec says {Describe()}";
                yield break;
            }
            if (Kind != JsonValueKind.Object || Open) yield break;
            var names = value.EnumerateObject().Select(p => p.Name).ToList();
            foreach (var property in _properties.Where(p => p.IsRequired && !names.Contains(p.Name)))
                yield return $"{at}.{property.Name}: required by the spec, missing";
            foreach (var member in value.EnumerateObject())
            {
                var property = _properties.FirstOrDefault(p => p.Name == member.Name);
                if (property is null) yield return $"{at}.{member.Name}: not in the spec";
                else foreach (var problem in property.Schema.Problems(member.Value, at + "." + member.Name)) yield return problem;
            }
        }

        private bool KindMatches(JsonElement value) => Kind switch
        {
            JsonValueKind.True => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            JsonValueKind.Number => value.ValueKind == JsonValueKind.Number && (!Integer || value.TryGetInt64(out _)),
            _ => value.ValueKind == Kind,
        };

        private string Describe() => Kind switch
        {
            JsonValueKind.True => "boolean",
            JsonValueKind.Number => Integer ? "integer" : "number",
            _ => Kind.ToString().ToLowerInvariant(),
        };

        internal sealed record Property(string Name, Schema Schema, bool IsRequired);
    }
}
