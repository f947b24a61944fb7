using System.Linq;
using System.Reflection;
using Xunit;

namespace OperationsModule.Contract.Tests
{
    /// <summary>
    /// Windows PowerShell 5.1: the handler's connection limit (HandlerSettings.MaximumThrottleLimit, instead of
    /// ServicePointManager's 2) must cover every -ThrottleLimit a cmdlet accepts, or the extra requests queue unsent.
    /// </summary>
    public sealed class ThrottleLimitConnectionTests
    {
        [Fact]
        public void Every_accepted_ThrottleLimit_fits_the_connection_limit_set_on_NET_Framework()
        {
            var limit = (int)CmdletMetadata.Instance.CoreAssembly.GetType("OperationsModule.Core.Http.Runtime.HandlerSettings", throwOnError: true)!
                .GetField("MaximumThrottleLimit")!.GetRawConstantValue()!;
            var throttled = CmdletMetadata.Instance.Cmdlets.Where(c => c.Parameters.Any(p => p.Name == "ThrottleLimit")).ToList();
            Assert.NotEmpty(throttled);
            foreach (var cmdlet in throttled)
            {
                var range = cmdlet.Parameter("ThrottleLimit").Property.GetCustomAttributesData().Single(a => a.AttributeType.Name == "ValidateRangeAttribute");
                var maximum = (int)range.ConstructorArguments[1].Value!;
                Assert.True(maximum <= limit, $"{cmdlet.Name} accepts -ThrottleLimit up to {maximum}, above the {limit} connections the handler allows on .NET Framework.");
            }
        }
    }
}
