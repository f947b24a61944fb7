using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Numerics;
using System.Reflection;
using OperationsModule.Core.Validation;

namespace OperationsModule.Adapters
{
    /// <summary>
    /// On a string ID parameter: what reaches it is an ID, or text that stands in for a refusal. PowerShell would
    /// otherwise turn any object into text (a hashtable into "System.Collections.Hashtable", a row whose Id is an
    /// int into "@{Id=5}") and send that. Runs before PowerShell's own binding of the piped object: strings and
    /// numbers pass; an object with the parameter's name or one of its aliases as a property gives that property's
    /// value; anything else becomes a stand-in (PipedStandIns) that IdValidator refuses with InvalidParameter.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public class PipedIdAttribute : ArgumentTransformationAttribute
    {
        private readonly Type _cmdletType;
        private readonly string _propertyName;
        private string[]? _names;

        public PipedIdAttribute(Type cmdletType, string propertyName)
        {
            _cmdletType = cmdletType;
            _propertyName = propertyName;
        }

        /// <summary>Objects another parameter of the same command takes whole (an operation for -InputObject): left to PowerShell.</summary>
        public Type[] TakenWhole { get; set; } = Type.EmptyTypes;

        /// <summary>The parameter's name, then its aliases: the properties an ID is read from.</summary>
        private string[] Names => _names ??= ReadNames();

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (inputData is null) return null;
            var value = Unwrap(inputData);
            if (IsIdValue(value) || TakenWhole.Any(t => t.IsInstanceOfType(value))) return inputData;
            if (value is IList list) return list.Cast<object?>().Select(item => item is null ? null : TransformOne(item)).ToArray();
            return TransformOne(inputData);
        }

        /// <summary>A command whose name another module shares may claim objects of that module's types (see Stop-Task).</summary>
        protected virtual string? ForeignOwner(PSObject input) => null;

        private object TransformOne(object input)
        {
            var value = Unwrap(input);
            if (IsIdValue(value)) return input;
            var item = PSObject.AsPSObject(input);
            var display = DisplayName(item);
            if (ForeignOwner(item) is { } owner) return PipedStandIns.Foreign(input, item.ToString(), owner);
            foreach (var name in Names)
            {
                var property = item.Properties[name];
                if (property is null) continue;
                var held = SafeValue(property);
                if (held is null || held is DBNull) return PipedStandIns.Refused(input, display, NotAnIdProblem.EmptyIdProperty(display, property.Name));
                var inner = Unwrap(held);
                // A list of IDs in the property binds as those IDs, as PowerShell's own binding does.
                if (inner is IList ids && inner is not string) return ids.Cast<object?>().Select(id => id is not null && IsIdValue(Unwrap(id)) ? id : PipedStandIns.Refused(input, display, NotAnIdProblem.IdPropertyNotAnId(display, property.Name, id is null ? "null" : DisplayName(PSObject.AsPSObject(id))))).ToArray();
                return IsIdValue(inner) ? held : PipedStandIns.Refused(input, display, NotAnIdProblem.IdPropertyNotAnId(display, property.Name, DisplayName(PSObject.AsPSObject(held))));
            }
            var has = item.Properties.Select(p => p.Name).ToList();
            return PipedStandIns.Refused(input, display, NotAnIdProblem.NoIdProperty(display, Names, has));
        }

        private static object? SafeValue(PSPropertyInfo property)
        {
            try
            {
                return property.Value;
            }
            catch (GetValueException)
            {
                return null;
            }
        }

        private static object Unwrap(object input) => input is PSObject wrapped ? wrapped.BaseObject : input;

        /// <summary>Strings and numbers (and GUIDs, which are IDs too); never booleans, dates or enums, which only look like text.</summary>
        internal static bool IsIdValue(object value) =>
            value is string or char or Guid or BigInteger
            || (value is IConvertible && !(value is bool || value is DateTime || value is Enum) && Type.GetTypeCode(value.GetType()) is >= TypeCode.SByte and <= TypeCode.Decimal);

        /// <summary>The type as PowerShell shows it: a [pscustomobject]'s own type name when it was given one.</summary>
        internal static string DisplayName(PSObject item) =>
            item.BaseObject is PSCustomObject && item.TypeNames.Count > 0 ? item.TypeNames[0] : item.BaseObject.GetType().FullName!;

        private string[] ReadNames()
        {
            var property = _cmdletType.GetProperty(_propertyName, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new InvalidOperationException($"{_cmdletType.Name} has no property {_propertyName}.");
            var aliases = property.GetCustomAttributes<AliasAttribute>().SelectMany(a => a.AliasNames);
            return new[] { property.Name }.Concat(aliases).ToArray();
        }
    }
}
