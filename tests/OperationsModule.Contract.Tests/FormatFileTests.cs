using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace OperationsModule.Contract.Tests
{
    public sealed class FormatFileTests
    {
        [Fact]
        public void Every_output_type_has_a_default_view()
        {
            var selected = XDocument.Load(RepoPaths.FormatFile).Descendants("TypeName").Select(e => e.Value.Trim()).ToHashSet();
            var outputTypes = CmdletMetadata.Instance.Cmdlets.SelectMany(c => c.OutputTypes).Select(t => t.FullName!).Distinct()
                .Where(t => t != "System.Management.Automation.Job"); // Stop-Job's forwarded output: PowerShell formats it
            Assert.All(outputTypes, t => Assert.Contains(t, selected));
        }

        [Fact]
        public void Views_name_only_properties_that_exist()
        {
            var document = XDocument.Load(RepoPaths.FormatFile);
            foreach (var view in document.Descendants("View"))
            {
                var typeName = view.Descendants("TypeName").First().Value.Trim();
                var type = CmdletMetadata.Instance.CoreAssembly.GetType(typeName) ?? CmdletMetadata.Instance.Assembly.GetType(typeName);
                Assert.True(type is not null, $"The view {view.Element("Name")?.Value} selects unknown type {typeName}");
                var properties = type!.GetProperties().Select(p => p.Name).ToHashSet();
                foreach (var property in view.Descendants("PropertyName").Select(p => p.Value.Trim()))
                    Assert.True(properties.Contains(property), $"{typeName} has no property {property} (view {view.Element("Name")?.Value})");
            }
        }
    }
}
