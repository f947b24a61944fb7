using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace OperationsModule.Contract.Tests
{
    /// <summary>
    /// The send path stays readable as small steps: a method under Core/Http that grows past a screen is where the
    /// mechanisms start to meet through shared locals again, so it is split before it lands.
    /// </summary>
    public sealed class SendPathShapeTests
    {
        public const int MaximumLines = 50;

        private static string HttpFolder => Path.Combine(RepoPaths.Root, "src", "OperationsModule.Core", "Http");

        [Fact]
        public void No_method_under_Core_Http_is_longer_than_fifty_lines()
        {
            var tooLong = Directory.EnumerateFiles(HttpFolder, "*.cs", SearchOption.AllDirectories)
                .SelectMany(LongMembers)
                .ToList();
            Assert.True(tooLong.Count == 0, "Over " + MaximumLines + " lines: " + string.Join("; ", tooLong));
        }

        [Fact]
        public void The_check_sees_a_long_method()
        {
            var body = string.Concat(Enumerable.Repeat("x++;\n", MaximumLines));
            var source = "class C { int x; void M() {\n" + body + "} int Short() => x; }";
            Assert.Equal(new[] { "probe.cs: M (" + (MaximumLines + 2) + " lines)" }, MembersOver(source, "probe.cs"));
        }

        private static string[] LongMembers(string path) =>
            MembersOver(File.ReadAllText(path), Path.GetRelativePath(HttpFolder, path));

        /// <summary>Methods, constructors, accessors and local functions, counted from their body's first line to its last.</summary>
        private static string[] MembersOver(string source, string name)
        {
            var tree = CSharpSyntaxTree.ParseText(source);
            return tree.GetRoot().DescendantNodes()
                .Select(node => (node, body: BodyOf(node)))
                .Where(m => m.body is not null)
                .Select(m => (m.node, lines: Lines(tree, m.body!)))
                .Where(m => m.lines > MaximumLines)
                .Select(m => $"{name}: {NameOf(m.node)} ({m.lines} lines)")
                .ToArray();
        }

        private static SyntaxNode? BodyOf(SyntaxNode node) => node switch
        {
            BaseMethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody,
            AccessorDeclarationSyntax accessor => (SyntaxNode?)accessor.Body ?? accessor.ExpressionBody,
            LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody,
            _ => null,
        };

        private static int Lines(SyntaxTree tree, SyntaxNode body)
        {
            var span = tree.GetLineSpan(body.Span);
            return span.EndLinePosition.Line - span.StartLinePosition.Line + 1;
        }

        private static string NameOf(SyntaxNode node) => node switch
        {
            MethodDeclarationSyntax method => method.Identifier.Text,
            ConstructorDeclarationSyntax constructor => constructor.Identifier.Text + " (constructor)",
            LocalFunctionStatementSyntax local => local.Identifier.Text,
            AccessorDeclarationSyntax accessor => accessor.Keyword.Text + " accessor",
            _ => node.Kind().ToString(),
        };
    }
}
