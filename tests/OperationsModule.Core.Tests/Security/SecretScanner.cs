using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using OperationsModule.Simulator;

namespace OperationsModule.Core.Tests.Security
{
    /// <summary>The secrets of one run, in every form they could leak in, and a search over captured text.</summary>
    internal sealed class SecretScanner
    {
        private readonly HashSet<string> _needles = new HashSet<string>(StringComparer.Ordinal);

        public IReadOnlyCollection<string> Needles => _needles;

        /// <summary>Adds a secret, its Base64 form and (for user:pass pairs) the password alone.</summary>
        public void Add(string? secret)
        {
            if (string.IsNullOrEmpty(secret) || secret.Length < 6) return;
            _needles.Add(secret);
            _needles.Add(Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)));
        }

        public void AddCredential(string user, string password)
        {
            Add(password);
            Add(user + ":" + password);
        }

        /// <summary>Every credential the simulator saw on the wire: so tokens issued during the run are searched for too.</summary>
        public void HarvestFrom(RequestJournal journal)
        {
            foreach (var request in journal.Snapshot())
            {
                foreach (var header in new[] { "auth_token", "X-Auth-Token" })
                    if (request.Headers.TryGetValue(header, out var token)) Add(token);
                if (!request.Headers.TryGetValue("Authorization", out var authorization)) continue;
                var space = authorization.IndexOf(' ');
                var value = space < 0 ? authorization : authorization.Substring(space + 1);
                Add(value);
                if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
                {
                    var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value));
                    var colon = decoded.IndexOf(':');
                    if (colon >= 0) AddCredential(decoded.Substring(0, colon), decoded.Substring(colon + 1));
                }
            }
        }

        /// <summary>Tokens and refresh ids the simulator issued: secrets the user never typed, which appear only in responses.</summary>
        public void HarvestFrom(SimulatorState state)
        {
            foreach (var issued in state.IssuedSecrets()) Add(issued);
        }

        /// <summary>The places a needle was found, e.g. "verbose: ...". Empty means no leak.</summary>
        public IReadOnlyList<string> Find(IEnumerable<(string Where, string Text)> captured) =>
            captured.SelectMany(c => _needles.Where(n => c.Text.IndexOf(n, StringComparison.Ordinal) >= 0).Select(n => $"{c.Where} contains a secret ({n.Length} chars): {Excerpt(c.Text, n)}")).ToList();

        private static string Excerpt(string text, string needle)
        {
            var at = text.IndexOf(needle, StringComparison.Ordinal);
            var start = Math.Max(0, at - 40);
            return text.Substring(start, Math.Min(text.Length - start, needle.Length + 80)).Replace(needle, "<SECRET>");
        }

        /// <summary>ToString and every public property value, recursively (what Format-List * or ConvertTo-Json would show).</summary>
        public static IEnumerable<(string Where, string Text)> Reflect(string where, object? root, int depth = 4)
        {
            var seen = new HashSet<object>(ReferenceComparer.Instance);
            var found = new List<(string, string)>();
            Walk(where, root, depth, seen, found);
            return found;
        }

        private static void Walk(string where, object? value, int depth, HashSet<object> seen, List<(string, string)> found)
        {
            if (value is null) return;
            var type = value.GetType();
            found.Add((where, value.ToString() ?? string.Empty));
            if (depth == 0 || type.IsPrimitive || type.IsEnum || value is string || value is Uri || value is DateTimeOffset || value is DateTime || value is TimeSpan || value is Type
                || type.Namespace?.StartsWith("System.Reflection", StringComparison.Ordinal) == true || !seen.Add(value))
                return;
            if (value is IEnumerable sequence)
            {
                var i = 0;
                foreach (var item in sequence) Walk($"{where}[{i++}]", item, depth - 1, seen, found);
                return;
            }
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            {
                object? propertyValue;
                try
                {
                    propertyValue = property.GetValue(value);
                }
                catch (TargetInvocationException)
                {
                    continue;
                }
                Walk($"{where}.{property.Name}", propertyValue, depth - 1, seen, found);
            }
        }

        private sealed class ReferenceComparer : IEqualityComparer<object>
        {
            public static readonly ReferenceComparer Instance = new ReferenceComparer();

            public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

            public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
        }
    }
}
