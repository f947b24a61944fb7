using System;
using System.Text;

namespace OperationsModule.Core.Http
{
    /// <summary>Joins a base URI and path segments, escaping each dynamic segment.</summary>
    internal static class EndpointPath
    {
        /// <summary>Literal parts are written as given (without surrounding slashes); parts wrapped in <see cref="Segment"/> are escaped.</summary>
        public static Uri Combine(Uri baseUri, params object[] parts)
        {
            // One builder, no LINQ or intermediate strings: this runs once per piped item in bulk runs.
            var root = baseUri.AbsoluteUri;
            var rootEnd = root.Length;
            while (rootEnd > 0 && root[rootEnd - 1] == '/') rootEnd--;
            var text = TakeBuilder().Append(root, 0, rootEnd).Append('/');
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0) text.Append('/');
                if (parts[i] is Segment segment)
                {
                    text.Append(Uri.EscapeDataString(segment.Value));
                    continue;
                }
                var literal = parts[i].ToString()!;
                int start = 0, end = literal.Length;
                while (start < end && literal[start] == '/') start++;
                while (end > start && literal[end - 1] == '/') end--;
                text.Append(literal, start, end - start);
            }
            var combined = text.ToString();
            GiveBack(text);
            return new Uri(combined);
        }

        // One builder per thread, reused: a bulk run's pipeline thread builds a URI per piped item, and a fresh builder
        // (with its buffer) was a few hundred bytes of garbage each time. Only a builder of ordinary size is kept.
        [ThreadStatic]
        private static StringBuilder? _spare;

        private static StringBuilder TakeBuilder()
        {
            var builder = _spare ?? new StringBuilder(256);
            _spare = null;
            return builder.Clear();
        }

        private static void GiveBack(StringBuilder builder)
        {
            if (builder.Capacity <= 1024) _spare = builder;
        }

        public static Segment Escaped(string value) => new Segment(value);

        public readonly struct Segment
        {
            public Segment(string value) => Value = value;

            public string Value { get; }
        }
    }
}
