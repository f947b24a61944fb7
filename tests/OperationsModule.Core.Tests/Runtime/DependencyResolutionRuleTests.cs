using System;
using System.IO;
using System.Reflection;
using OperationsModule.Core.Runtime;
using Xunit;

namespace OperationsModule.Core.Tests.Runtime
{
    /// <summary>The Windows PowerShell 5.1 resolver's decision: only the module's own requests, never a newer version.</summary>
    public sealed class DependencyResolutionRuleTests
    {
        private static readonly string ModuleFolder = Path.Combine(Path.GetTempPath(), "Modules", "OperationsModule", "0.1.0");
        private const string Token = "cc7b13ffcd2ddd51";
        private static readonly AssemblyName Shipped = new AssemblyName($"System.Text.Json, Version=8.0.0.5, Culture=neutral, PublicKeyToken={Token}");

        private static AssemblyName Asking(string version, string token = Token) =>
            new AssemblyName($"System.Text.Json, Version={version}, Culture=neutral, PublicKeyToken={token}");

        private static bool Decide(AssemblyName requested, string? requester) =>
            DependencyResolutionRule.ShouldAnswer(requested, Shipped, requester, requester is not null, ModuleFolder);

        [Fact]
        public void Answers_the_modules_own_assemblies_and_its_shipped_chain()
        {
            Assert.True(Decide(Asking("8.0.0.0"), Path.Combine(ModuleFolder, "OperationsModule.Core.dll")));
            Assert.True(Decide(Asking("4.0.1.2"), Path.Combine(ModuleFolder, "dependencies", "Microsoft.Bcl.AsyncInterfaces.dll")));
        }

        [Fact]
        public void Answers_a_request_without_a_requester()
        {
            Assert.True(DependencyResolutionRule.ShouldAnswer(Asking("8.0.0.0"), Shipped, null, hasRequester: false, ModuleFolder));
        }

        [Fact]
        public void Leaves_other_modules_requests_to_them()
        {
            var az = Path.Combine(Path.GetTempPath(), "Modules", "Az.Accounts", "4.0.0", "lib", "netstandard2.0", "Microsoft.Azure.PowerShell.Authentication.dll");
            Assert.False(Decide(Asking("8.0.0.0"), az));
            // A sibling folder whose name starts like the module's is not the module's.
            Assert.False(Decide(Asking("8.0.0.0"), Path.Combine(ModuleFolder + "-other", "Other.dll")));
            // An assembly loaded from bytes has no location: never the module's.
            Assert.False(DependencyResolutionRule.ShouldAnswer(Asking("8.0.0.0"), Shipped, string.Empty, hasRequester: true, ModuleFolder));
        }

        [Fact]
        public void Never_answers_a_higher_version_than_it_ships_or_another_publisher()
        {
            var own = Path.Combine(ModuleFolder, "OperationsModule.Core.dll");
            Assert.False(Decide(Asking("9.0.0.0"), own));
            Assert.False(Decide(Asking("8.0.0.6"), own));
            Assert.True(Decide(Asking("8.0.0.5"), own));
            Assert.False(Decide(Asking("8.0.0.0", "0123456789abcdef"), own));
            Assert.False(Decide(new AssemblyName("System.Memory, Version=4.0.1.2"), own));
        }
    }
}
