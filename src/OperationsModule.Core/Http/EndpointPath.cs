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
            var text = new StringBuilder(rootEnd + 96).Append(root, 0, rootEnd).Append('/');
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
            return new Uri(text.ToString());
        }

        public static Segment Escaped(string value) => new Segment(value);

        public readonly struct Segment
        {
            public Segment(string value) => Value = value;

            public string Value { get; }
        }
    }
}
