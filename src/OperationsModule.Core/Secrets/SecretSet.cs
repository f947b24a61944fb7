using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;

namespace OperationsModule.Core.Secrets
{
    /// <summary>
    /// The secrets one exchange with a server sent or received (typed passwords, client secrets, tokens, issued access
    /// and refresh tokens), in every form they can be quoted back in (<see cref="SecretForms"/>), and the one place
    /// that masks them by value in text a server sent. Thread-safe: requests of one scope run in parallel.
    /// </summary>
    internal sealed class SecretSet
    {
        public const string Mask = "***";

        /// <summary>
        /// Shorter forms are masked only where they stand alone (between non-alphanumeric characters): masked inside
        /// words, a two-letter password would cut every message to pieces.
        /// </summary>
        internal const int MinimumAnywhereLength = 4;

        private readonly object _lock = new object();

        // Each a string, or a SecretText revealed only when masking needs it: most exchanges succeed and are never
        // masked, so a request that adds its credential must not have to reveal it.
        private readonly List<object> _secrets = new List<object>(4);

        // Header values as sent: the part after the scheme is cut off only when masking needs it.
        private List<string>? _headerValues;

        // The quotable forms, made on the first Apply after an Add: most exchanges succeed and are never masked, so
        // every request adding its secrets must stay cheap.
        private string[]? _forms;

        public bool IsEmpty
        {
            get
            {
                lock (_lock) return _secrets.Count == 0 && _headerValues is null;
            }
        }

        public void Add(string? secret)
        {
            if (string.IsNullOrEmpty(secret) || secret!.Trim().Length == 0) return;
            Remember(secret);
        }

        /// <summary>A secret sent in this exchange, kept concealed: it is revealed (and masked) only if an answer has to be quoted.</summary>
        public void Add(SecretText? secret)
        {
            if (secret is null || secret.IsEmpty) return;
            Remember(secret);
        }

        /// <summary>A header value as sent ("Bearer xyz", "Basic dXNlcjpw"): the whole value and the credential after the scheme.</summary>
        public void AddHeaderValue(string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            lock (_lock)
            {
                _headerValues ??= new List<string>(2);
                if (_headerValues.Contains(value!)) return;
                _headerValues.Add(value!);
                _forms = null;
            }
        }

        private void Remember(object secret)
        {
            lock (_lock)
            {
                if (_secrets.Contains(secret)) return;
                _secrets.Add(secret);
                _forms = null;
            }
        }

        /// <summary>The text with every form of every secret replaced by <see cref="Mask"/>; case-insensitive (hex escapes vary in case).</summary>
        public string Apply(string? text)
        {
            if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
            var result = text!;
            foreach (var form in Forms()) result = Replace(result, form);
            return result;
        }

        private string[] Forms()
        {
            lock (_lock)
            {
                // Longest first, so a form that contains another is masked whole.
                return _forms ??= Secrets().SelectMany(SecretForms.Of).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal)
                    .OrderByDescending(f => f.Length).ToArray();
            }
        }

        /// <summary>Every secret in clear, under the lock: the concealed ones revealed, each header value with its credential part.</summary>
        private IEnumerable<string> Secrets()
        {
            var clear = new List<string>(_secrets.Count + 2 * (_headerValues?.Count ?? 0));
            foreach (var secret in _secrets)
                if ((secret as string ?? ((SecretText)secret).RevealUnscoped()) is { } text && text.Trim().Length > 0) clear.Add(text);
            if (_headerValues is null) return clear;
            foreach (var value in _headerValues)
            {
                clear.Add(value);
                var space = value.IndexOf(' ');
                if (space > 0 && space < value.Length - 1 && value.Substring(space + 1).Trim() is { Length: > 0 } credential) clear.Add(credential);
            }
            return clear;
        }

        private static string Replace(string text, string form)
        {
            var at = text.IndexOf(form, StringComparison.OrdinalIgnoreCase);
            if (at < 0) return text;
            var result = new StringBuilder(text.Length);
            var from = 0;
            while (at >= 0)
            {
                if (form.Length >= MinimumAnywhereLength || StandsAlone(text, at, form.Length))
                {
                    result.Append(text, from, at - from).Append(Mask);
                    from = at + form.Length;
                }
                at = text.IndexOf(form, at + Math.Max(1, form.Length), StringComparison.OrdinalIgnoreCase);
            }
            return result.Append(text, from, text.Length - from).ToString();
        }

        private static bool StandsAlone(string text, int at, int length) =>
            (at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (at + length == text.Length || !char.IsLetterOrDigit(text[at + length]));
    }
}
