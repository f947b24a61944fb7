using System;
using System.Runtime.InteropServices;
using System.Security;
using System.Threading;

namespace OperationsModule.Core.Secrets
{
    /// <summary>
    /// A password or token held as a read-only SecureString. The clear text exists only for the moment it is sent
    /// (<see cref="Reveal"/> is internal), except the header value made of it (<see cref="HeaderValue"/>), which is made
    /// once and kept with it; ToString never shows it.
    /// </summary>
    internal sealed class SecretText
    {
        private readonly SecureString _value;

        // The last header value made of this secret, with its prefix: one object, so a reader never sees half of a pair.
        private SentHeader? _header;

        public SecretText(SecureString value)
        {
            if (value is null) throw new ArgumentNullException(nameof(value));
            _value = value.Copy();
            _value.MakeReadOnly();
        }

        /// <summary>Builds a secret from clear text the module received over the wire (a token from a login call).</summary>
        public static SecretText FromClearText(string clearText)
        {
            // Issued to this exchange: an answer that quotes it later in the exchange is masked.
            SecretScope.Add(clearText);
            var secure = new SecureString();
            foreach (var c in clearText ?? string.Empty) secure.AppendChar(c);
            return new SecretText(secure);
        }

        public int Length => _value.Length;

        public bool IsEmpty => _value.Length == 0;

        internal string Reveal()
        {
            var clear = RevealUnscoped();
            // Revealed to be sent: an answer in this exchange that quotes it back is masked.
            SecretScope.Add(clear);
            return clear;
        }

        /// <summary>
        /// The header value that carries this secret (<paramref name="prefix"/> + the secret, as "Bearer " + a token), made
        /// once and kept: revealing the secret for every request was a measurable share of a bulk run's CPU, and each
        /// request's header made one more copy of it anyway. The secret joins the exchange's scope concealed.
        /// </summary>
        internal string HeaderValue(string prefix)
        {
            SecretScope.Add(this);
            var header = Volatile.Read(ref _header);
            if (header is null || !string.Equals(header.Prefix, prefix, StringComparison.Ordinal))
                Volatile.Write(ref _header, header = new SentHeader(prefix, prefix + RevealUnscoped()));
            return header.Value;
        }

        /// <summary>The clear text, not added to the exchange's scope: for the scope itself (<see cref="SecretSet"/>), or a caller that adds the SecretText.</summary>
        internal string RevealUnscoped()
        {
            IntPtr ptr = IntPtr.Zero;
            try
            {
                ptr = Marshal.SecureStringToGlobalAllocUnicode(_value);
                // With the length: a NUL inside the value is kept (and so seen by the checks), not taken as its end.
                return Marshal.PtrToStringUni(ptr, _value.Length);
            }
            finally
            {
                if (ptr != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(ptr);
            }
        }

        public override string ToString() => "***";

        private sealed class SentHeader
        {
            public SentHeader(string prefix, string value)
            {
                Prefix = prefix;
                Value = value;
            }

            public string Prefix { get; }

            public string Value { get; }
        }
    }
}
