using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;

namespace OperationsModule.Core.Http
{
    /// <summary>
    /// Response and content headers, copied into a case-insensitive dictionary only when first read: a bulk
    /// cancel mostly looks at the status alone, and copying every response's headers was a measurable
    /// share of the engine's per-request cost. The header collections stay readable after the response is
    /// disposed (disposal releases the body stream only).
    /// </summary>
    internal sealed class ResponseHeaders : IReadOnlyDictionary<string, IReadOnlyList<string>>
    {
        private HttpHeaders? _headers;
        private HttpContent? _content;
        private Dictionary<string, IReadOnlyList<string>>? _copy;

        /// <param name="content">Its headers are read lazily too: merely asking for them allocates a collection.</param>
        public ResponseHeaders(HttpHeaders headers, HttpContent? content)
        {
            _headers = headers;
            _content = content;
        }

        private Dictionary<string, IReadOnlyList<string>> Copy
        {
            get
            {
                var copy = Volatile.Read(ref _copy);
                if (copy is not null) return copy;
                copy = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
                foreach (var header in _headers!) copy[header.Key] = header.Value.ToList();
                if (_content is not null)
                    foreach (var header in _content.Headers) copy[header.Key] = header.Value.ToList();
                // Two threads may both copy; either copy is complete, and one of them wins.
                copy = Interlocked.CompareExchange(ref _copy, copy, null) ?? copy;
                _headers = null;
                _content = null;
                return copy;
            }
        }

        /// <summary>
        /// The first value of one header without copying them all: the throttle gate asks every answer for the
        /// rate-limit headers, which most servers never send.
        /// </summary>
        internal string? First(string name)
        {
            var copy = Volatile.Read(ref _copy);
            if (copy is not null) return copy.TryGetValue(name, out var copied) && copied.Count > 0 ? copied[0] : null;
            var headers = _headers;
            if (headers is null) return this.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
            if (headers.TryGetValues(name, out var found))
                foreach (var value in found) return value;
            return null;
        }

        public IReadOnlyList<string> this[string key] => Copy[key];

        public IEnumerable<string> Keys => Copy.Keys;

        public IEnumerable<IReadOnlyList<string>> Values => Copy.Values;

        public int Count => Copy.Count;

        public bool ContainsKey(string key) => Copy.ContainsKey(key);

        public bool TryGetValue(string key, out IReadOnlyList<string> value) => Copy.TryGetValue(key, out value!);

        public IEnumerator<KeyValuePair<string, IReadOnlyList<string>>> GetEnumerator() => Copy.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
