using System;
using System.Security.Authentication;

namespace OperationsModule.Core.Http.Runtime
{
    /// <summary>
    /// The handler settings chosen for one runtime: a value with equality, decided by <see cref="For"/> from the options
    /// and a <see cref="RuntimeDescription"/>, and applied by HttpClientFactory. Two option sets that give equal settings
    /// can share one client; different settings need a client of their own.
    /// </summary>
    internal sealed class HandlerSettings : IEquatable<HandlerSettings>
    {
        /// <summary>
        /// The highest -ThrottleLimit the cmdlets accept. .NET Framework's handler otherwise inherits
        /// ServicePointManager.DefaultConnectionLimit (2 in powershell.exe), which would silently cap any -ThrottleLimit at 2.
        /// </summary>
        public const int MaximumThrottleLimit = 256;

        private HandlerSettings(SslProtocols? sslProtocols, int? maxConnectionsPerServer, CertificateValidation certificateValidation, bool suppressExpectContinue, ProxySettings? proxy)
        {
            SslProtocols = sslProtocols;
            MaxConnectionsPerServer = maxConnectionsPerServer;
            CertificateValidation = certificateValidation;
            SuppressExpectContinue = suppressExpectContinue;
            Proxy = proxy;
        }

        /// <summary>Null: the runtime's default, which leaves the choice to the OS.</summary>
        public SslProtocols? SslProtocols { get; }

        /// <summary>Null: the runtime's default (unlimited on .NET).</summary>
        public int? MaxConnectionsPerServer { get; }

        public CertificateValidation CertificateValidation { get; }

        /// <summary>
        /// Every request says ExpectContinue = false. .NET Framework otherwise sends "Expect: 100-continue" with each body
        /// (ServicePointManager.Expect100Continue is on) and waits up to 350 ms for an interim answer; some proxies answer 417.
        /// </summary>
        public bool SuppressExpectContinue { get; }

        public ProxySettings? Proxy { get; }

        public static HandlerSettings For(HttpOptions options, RuntimeDescription runtime)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));
            if (runtime is null) throw new ArgumentNullException(nameof(runtime));
            var framework = runtime.IsNetFramework;
            return new HandlerSettings(
                ProtocolsFor(runtime),
                framework ? MaximumThrottleLimit : (int?)null,
                options.SkipCertificateCheck ? CertificateValidation.AcceptAny
                    : framework ? CertificateValidation.ModuleCallback : CertificateValidation.RuntimeDefault,
                suppressExpectContinue: framework,
                options.Proxy is null ? null : new ProxySettings(options.Proxy, options.ProxyCredential, options.ProxyUseDefaultCredentials));
        }

        /// <summary>
        /// .NET and a .NET Framework process whose default is SystemDefault: the OS decides (TLS 1.2, and 1.3 where the OS
        /// has it). powershell.exe's legacy default (Ssl3|Tls): TLS 1.2, plus 1.3 only where the enum has it, because
        /// 4.7.2's setter throws NotSupportedException for a value it does not know, http:// included.
        /// </summary>
        private static SslProtocols? ProtocolsFor(RuntimeDescription runtime)
        {
            if (!runtime.IsNetFramework || runtime.ProcessProtocolsAreSystemDefault) return null;
            return runtime.AcceptsTls13 ? System.Security.Authentication.SslProtocols.Tls12 | RuntimeDescription.Tls13 : System.Security.Authentication.SslProtocols.Tls12;
        }

        public bool Equals(HandlerSettings? other) =>
            other is not null && SslProtocols == other.SslProtocols && MaxConnectionsPerServer == other.MaxConnectionsPerServer
            && CertificateValidation == other.CertificateValidation && SuppressExpectContinue == other.SuppressExpectContinue
            && Equals(Proxy, other.Proxy);

        public override bool Equals(object? obj) => Equals(obj as HandlerSettings);

        public override int GetHashCode() =>
            ((SslProtocols?.GetHashCode() ?? 0) * 31 + (MaxConnectionsPerServer ?? 0)) * 31 + (int)CertificateValidation * 7 + (SuppressExpectContinue ? 1 : 0) + (Proxy?.GetHashCode() ?? 0);

        public static bool operator ==(HandlerSettings? left, HandlerSettings? right) => left is null ? right is null : left.Equals(right);

        public static bool operator !=(HandlerSettings? left, HandlerSettings? right) => !(left == right);

        /// <summary>No secret: the proxy shows only that a credential is set.</summary>
        public override string ToString() =>
            $"TLS {(SslProtocols is { } p ? p.ToString() : "OS default")}, connections per server {(MaxConnectionsPerServer is { } m ? m.ToString() : "unlimited")}, certificates {CertificateValidation}, Expect: 100-continue {(SuppressExpectContinue ? "off" : "runtime default")}, proxy {(Proxy is null ? "none" : Proxy.ToString())}";
    }
}
