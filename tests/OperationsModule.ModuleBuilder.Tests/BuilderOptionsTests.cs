using Xunit;

namespace OperationsModule.ModuleBuilder.Tests
{
    public sealed class BuilderOptionsTests
    {
        [Fact]
        public void Reads_the_three_folders()
        {
            var options = BuilderOptions.Parse(new[] { "--module-bin", "bin", "--docs", "docs", "--out", "out" }, out var error);
            Assert.Null(error);
            Assert.Equal(("bin", "docs", "out"), (options!.ModuleBin, options.Docs, options.Output));
        }

        [Fact]
        public void Without_module_bin_asks_for_help_only()
        {
            var options = BuilderOptions.Parse(new[] { "--docs", "docs", "--out", "out" }, out var error);
            Assert.Null(error);
            Assert.Equal(((string?)null, "docs", "out"), (options!.ModuleBin, options.Docs, options.Output));
        }

        [Theory]
        [InlineData("--module-bin bin --docs docs", "--out is required")]
        [InlineData("--module-bin bin --docs docs --out", "--out needs a value")]
        [InlineData("--out out", "--docs is required")]
        [InlineData("--module-bin bin --docs docs --out o --out p", "--out is given twice")]
        [InlineData("--module-bin bin --docs docs --out o --verbose x", "unknown option '--verbose'")]
        public void Refuses_a_bad_command_line_saying_why(string commandLine, string expected)
        {
            Assert.Null(BuilderOptions.Parse(commandLine.Split(' '), out var error));
            Assert.Equal(expected, error);
        }
    }
}
