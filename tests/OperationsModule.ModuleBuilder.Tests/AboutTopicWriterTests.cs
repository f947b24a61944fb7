using OperationsModule.ModuleBuilder.Help;
using Xunit;

namespace OperationsModule.ModuleBuilder.Tests
{
    public sealed class AboutTopicWriterTests
    {
        private const string Topic = """
# Sample
## about_Sample

# SHORT DESCRIPTION
Does **sample** things.

# LONG DESCRIPTION
A paragraph long enough to need wrapping at eighty columns, because the console help is read in a terminal window.

## SESSIONS
- one item
- another item that is long enough to wrap onto a second line in the console window here

For example:

    Get-Sample -Name x

### Detail
1. first
""";

        [Fact]
        public void Writes_the_plain_text_layout_Get_Help_prints_for_about_topics()
        {
            var expected = """
TOPIC
    about_sample

SHORT DESCRIPTION
    Does sample things.

LONG DESCRIPTION
    A paragraph long enough to need wrapping at eighty columns, because the
    console help is read in a terminal window.

SESSIONS
    - one item
    - another item that is long enough to wrap onto a second line in the console
      window here

    For example:

        Get-Sample -Name x

    DETAIL
    1. first

""".Replace("\r\n", "\n");
            Assert.Equal(expected, AboutTopicWriter.Convert(Topic, "about_Sample.md"));
        }

        [Fact]
        public void A_topic_without_the_about_heading_is_refused_naming_the_file()
        {
            var error = Assert.Throws<HelpFormatException>(() => AboutTopicWriter.Convert("# Sample\n## Sample\n\ntext\n", "about_Sample.md"));
            Assert.Equal("about_Sample.md", error.File);
            Assert.Contains("about_TopicName", error.Problem);
        }
    }
}
