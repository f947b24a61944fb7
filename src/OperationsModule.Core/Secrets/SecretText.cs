using System;
using System.Runtime.InteropServices;
using System.Security;

namespace OperationsModule.Core.Secrets
{
    /// <summary>
    /// A password or token held as a read-only SecureString. The clear text exists only for the moment
    /// a header is written (<see cref="Reveal"/> is internal), and ToString never shows it.
    /// </summary>
    internal sealed class SecretText
    {
        private readonly SecureString _value;

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
            IntPtr ptr = IntPtr.Zero;
            try
            {
                ptr = Marshal.SecureStringToGlobalAllocUnicode(_value);
                // With the length: a NUL inside the value is kept (and so seen by the checks), not taken as its end.
                var clear = Marshal.PtrToStringUni(ptr, _value.Length);
                // Revealed to be sent: an answer in this exchange that quotes it back is masked.
                SecretScope.Add(clear);
                return clear;
            }
            finally
            {
                if (ptr != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(ptr);
            }
        }

        public override string ToString() => "***";
    }
}
