using System.Collections.Generic;
using System.Linq;

namespace OperationsModule.Core.Validation
{
    /// <summary>The words for a piped object that cannot be an ID: what it is, and what was looked for.</summary>
    internal static class NotAnIdProblem
    {
        private const int PropertiesShown = 8;

        public static string NoIdProperty(string typeName, IReadOnlyList<string> lookedFor, IReadOnlyList<string> has)
        {
            var shown = has.Count == 0 ? "no properties"
                : "the properties " + string.Join(", ", has.Take(PropertiesShown)) + (has.Count > PropertiesShown ? ", …" : string.Empty);
            return $"a piped {typeName} is not an ID (a string or a number) and has none of the properties {Names(lookedFor)}; it has {shown}. Nothing was sent for it.";
        }

        public static string EmptyIdProperty(string typeName, string property) =>
            $"the {property} property of the piped {typeName} is empty. Nothing was sent for it.";

        public static string IdPropertyNotAnId(string typeName, string property, string valueTypeName) =>
            $"the {property} property of the piped {typeName} holds a {valueTypeName}, not an ID (a string or a number). Nothing was sent for it.";

        public static string NotAnId(string typeName) =>
            $"a {typeName} is not an ID (a string or a number). Nothing was sent for it.";

        private static string Names(IReadOnlyList<string> names) =>
            names.Count <= 1 ? string.Join(string.Empty, names) : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[names.Count - 1];
    }
}
