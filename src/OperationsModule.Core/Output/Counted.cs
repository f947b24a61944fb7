using System.Globalization;

namespace OperationsModule.Core.Output
{
    /// <summary>A count with its noun in the right number, for messages: "1 request", "2 requests", "0 requests".</summary>
    internal static class Counted
    {
        public static string Of(long count, string singular, string? plural = null) =>
            count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural ?? singular + "s");
    }
}
