using System;
using System.Linq;

namespace OperationsModule.Core.Http
{
    /// <summary>Joins a base URI and path segments, escaping each dynamic segment.</summary>
    public static class EndpointPath
    {
        /// <summary>Literal parts are written as given; parts wrapped in <see cref="Segment"/> are escaped.</summary>
        public static Uri Combine(Uri baseUri, params object[] parts)
        {
            var path = string.Join("/", parts.Select(p => p is Segment s ? Uri.EscapeDataString(s.Value) : p.ToString()!.Trim('/')));
            return new Uri(baseUri.AbsoluteUri.TrimEnd('/') + "/" + path);
        }

        public static Segment Escaped(string value) => new Segment(value);

        public readonly struct Segment
        {
            public Segment(string value) => Value = value;

            public string Value { get; }
        }
    }
}
