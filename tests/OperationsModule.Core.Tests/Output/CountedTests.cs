using OperationsModule.Core.Output;
using Xunit;

namespace OperationsModule.Core.Tests.Output
{
    /// <summary>Counts in messages read right for 0, 1 and n (never "at most 1 requests").</summary>
    public sealed class CountedTests
    {
        [Theory]
        [InlineData(0, "request", null, "0 requests")]
        [InlineData(1, "request", null, "1 request")]
        [InlineData(2, "request", null, "2 requests")]
        [InlineData(1, "running command", null, "1 running command")]
        [InlineData(3, "entry", "entries", "3 entries")]
        public void A_count_takes_the_noun_in_the_right_number(long count, string singular, string? plural, string expected)
        {
            Assert.Equal(expected, Counted.Of(count, singular, plural));
        }
    }
}
