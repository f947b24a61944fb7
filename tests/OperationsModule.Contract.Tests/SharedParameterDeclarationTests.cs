using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit;

namespace OperationsModule.Contract.Tests
{
    /// <summary>
    /// Parameters declared twice, because PowerShell binds only those of a cmdlet's own type and its bases: the copies
    /// must not drift apart (name, type, aliases, validation, pipeline binding).
    /// </summary>
    public sealed class SharedParameterDeclarationTests
    {
        private static Assembly Module => CmdletMetadata.Instance.Assembly;

        private static Type CommandBase => Module.GetType("OperationsModule.Cmdlets.OperationsCmdletBase", throwOnError: true)!;

        public static IEnumerable<object[]> TransportOptions() =>
            Module.GetType("OperationsModule.Adapters.ITransportOptions", throwOnError: true)!
                .GetProperties().Select(p => new object[] { p.Name });

        [Fact]
        public void The_transport_options_are_the_seven_Invoke_RestMethod_style_ones()
        {
            Assert.Equal(
                new[] { "AllowUnencryptedAuthentication", "MaximumRetryCount", "NoAdaptiveThrottling", "RetryIntervalSec", "SkipCertificateCheck", "TimeoutSec", "UserAgent" },
                TransportOptions().Select(o => (string)o[0]).OrderBy(n => n, StringComparer.Ordinal));
        }

        [Theory]
        [MemberData(nameof(TransportOptions))]
        public void Connect_declares_each_transport_option_as_the_other_commands_do(string name)
        {
            var connect = CmdletMetadata.Instance.Get("Connect-OperationsServer").Type.GetProperty(name);
            var others = CommandBase.GetProperty(name);
            Assert.NotNull(connect);
            Assert.NotNull(others);
            Assert.Equal(Declaration(others!), Declaration(connect!));
        }

        public static IEnumerable<object[]> StopJobRedeclarations() =>
            CmdletMetadata.Instance.Get("Stop-Job").Type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => p.GetMethod is { IsVirtual: true } && p.DeclaringType!.BaseType!.GetProperty(p.Name) is not null)
                .Select(p => new object[] { p.Name });

        /// <summary>Stop-Job redeclares the shared parameters for its BigChange set only (PowerShell's own sets must not show them).</summary>
        [Theory]
        [MemberData(nameof(StopJobRedeclarations))]
        public void Stop_Job_redeclares_a_shared_parameter_as_declared_except_its_set(string name)
        {
            var stopJob = CmdletMetadata.Instance.Get("Stop-Job").Type;
            var own = stopJob.GetProperty(name)!;
            var inherited = stopJob.BaseType!.GetProperty(name)!;
            Assert.NotEqual(own.DeclaringType, inherited.DeclaringType);
            Assert.Equal(Declaration(inherited), Declaration(own, ignoreNamed: "ParameterSetName"));
            Assert.Matches("ParameterSetName=BigChangeJob[,)]", Declaration(own));
        }

        [Fact]
        public void Stop_Job_redeclares_the_connection_and_transport_parameters()
        {
            var names = StopJobRedeclarations().Select(o => (string)o[0]).ToList();
            Assert.Contains("Session", names);
            Assert.Contains("TimeoutSec", names);
        }

        /// <summary>The property's type and every attribute with its arguments, in a stable order.</summary>
        private static string Declaration(PropertyInfo property, string? ignoreNamed = null)
        {
            var attributes = property.GetCustomAttributesData()
                .Select(a => a.AttributeType.Name + "(" + string.Join(", ", a.ConstructorArguments.Select(Value))
                    + string.Concat(a.NamedArguments.Where(n => n.MemberName != ignoreNamed).OrderBy(n => n.MemberName, StringComparer.Ordinal)
                        .Select(n => ", " + n.MemberName + "=" + Value(n.TypedValue))) + ")")
                .OrderBy(a => a, StringComparer.Ordinal);
            return property.PropertyType.FullName + " " + property.Name + " " + string.Join(" ", attributes);
        }

        private static string Value(CustomAttributeTypedArgument argument) =>
            argument.Value is IEnumerable<CustomAttributeTypedArgument> many
                ? "[" + string.Join(", ", many.Select(Value)) + "]"
                : Convert.ToString(argument.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "null";
    }
}
