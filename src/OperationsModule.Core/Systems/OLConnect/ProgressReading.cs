using System.Globalization;

namespace OperationsModule.Core.Systems.OLConnect
{
    /// <summary>
    /// One getProgress answer. The body is text, not JSON: an integer 0-100 while running, then the literal
    /// "done" (compared case-insensitively, before any number parsing).
    /// </summary>
    internal readonly struct ProgressReading
    {
        private ProgressReading(bool done, int percent)
        {
            IsDone = done;
            Percent = percent;
        }

        public bool IsDone { get; }

        /// <summary>0-100; 100 when done.</summary>
        public int Percent { get; }

        public static bool TryParse(string? body, out ProgressReading reading)
        {
            var text = (body ?? string.Empty).Trim().Trim('"');
            if (string.Equals(text, "done", System.StringComparison.OrdinalIgnoreCase))
            {
                reading = new ProgressReading(true, 100);
                return true;
            }
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var percent) && percent <= 100)
            {
                reading = new ProgressReading(false, percent);
                return true;
            }
            reading = default;
            return false;
        }
    }
}
