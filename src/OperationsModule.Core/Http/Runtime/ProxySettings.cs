using System;
using OperationsModule.Core.Secrets;

namespace OperationsModule.Core.Http.Runtime
{
    /// <summary>
    /// -Proxy, -ProxyCredential and -ProxyUseDefaultCredentials as Invoke-RestMethod has them. The address never carries
    /// user information (ProxyAddressRule refuses it), and no member shows the credential's secret.
    /// </summary>
    internal sealed class ProxySettings : IEquatable<ProxySettings>
    {
        public ProxySettings(Uri address, SecretCredential? credential = null, bool useDefaultCredentials = false)
        {
            Address = address ?? throw new ArgumentNullException(nameof(address));
            Credential = credential;
            UseDefaultCredentials = useDefaultCredentials;
        }

        public Uri Address { get; }

        /// <summary>Sent (Basic, or whatever scheme the proxy's 407 asks for) when the proxy asks for it.</summary>
        internal SecretCredential? Credential { get; }

        /// <summary>The logged-on user's Windows credentials (Negotiate/NTLM proxies).</summary>
        public bool UseDefaultCredentials { get; }

        /// <summary>Same credential object: a session's copies share it, and another credential needs its own client.</summary>
        public bool Equals(ProxySettings? other) =>
            other is not null && Address == other.Address && ReferenceEquals(Credential, other.Credential) && UseDefaultCredentials == other.UseDefaultCredentials;

        public override bool Equals(object? obj) => Equals(obj as ProxySettings);

        public override int GetHashCode() => Address.GetHashCode() ^ (UseDefaultCredentials ? 1 : 0);

        public override string ToString() =>
            Address.OriginalString + (Credential is not null ? " (with a proxy credential)" : UseDefaultCredentials ? " (with the default credentials)" : string.Empty);
    }
}
