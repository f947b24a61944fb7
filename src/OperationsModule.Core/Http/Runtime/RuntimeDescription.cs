using System;
using System.Net;
using System.Runtime.InteropServices;
using System.Security.Authentication;

namespace OperationsModule.Core.Http.Runtime
{
    /// <summary>
    /// What the handler settings depend on in the runtime the module runs in. Tests build the .NET Framework
    /// descriptions by hand, so that branch is decided (and tested) on any runtime.
    /// </summary>
    internal sealed class RuntimeDescription : IEquatable<RuntimeDescription>
    {
        /// <summary>SslProtocols.Tls13's value: in the enum (and in HttpClientHandler's allowed set) from .NET Framework 4.8 on.</summary>
        internal const SslProtocols Tls13 = (SslProtocols)12288;

        public RuntimeDescription(bool isNetFramework, bool acceptsTls13, bool processProtocolsAreSystemDefault)
        {
            IsNetFramework = isNetFramework;
            AcceptsTls13 = acceptsTls13;
            ProcessProtocolsAreSystemDefault = processProtocolsAreSystemDefault;
        }

        /// <summary>.NET (Core) 5+: the handler's defaults already leave TLS to the OS and connections unlimited.</summary>
        public static RuntimeDescription NetCore { get; } = new RuntimeDescription(false, true, true);

        /// <summary>Windows PowerShell 5.1 on .NET Framework 4.7.2: no Tls13 in the enum; powershell.exe's process default is Ssl3|Tls.</summary>
        public static RuntimeDescription NetFramework472 { get; } = new RuntimeDescription(true, false, false);

        /// <summary>Windows PowerShell 5.1 on .NET Framework 4.8 (process default still Ssl3|Tls unless the registry says otherwise).</summary>
        public static RuntimeDescription NetFramework48 { get; } = new RuntimeDescription(true, true, false);

        /// <summary>The runtime this process runs on, read once (declared after the descriptions it may return).</summary>
        public static RuntimeDescription Current { get; } = Detect();

        public bool IsNetFramework { get; }

        /// <summary>SslProtocols has the Tls13 member, so HttpClientHandler.SslProtocols takes it without NotSupportedException.</summary>
        public bool AcceptsTls13 { get; }

        /// <summary>
        /// ServicePointManager.SecurityProtocol is SystemDefault (0): the OS picks the protocols (TLS 1.2 on every
        /// supported Windows), as with an app built for 4.7+ or SystemDefaultTlsVersions set in the registry.
        /// </summary>
        public bool ProcessProtocolsAreSystemDefault { get; }

        private static RuntimeDescription Detect()
        {
            var framework = RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);
            if (!framework) return NetCore;
            return new RuntimeDescription(
                isNetFramework: true,
                acceptsTls13: Enum.IsDefined(typeof(SslProtocols), Tls13),
                processProtocolsAreSystemDefault: (int)ServicePointManager.SecurityProtocol == 0);
        }

        public bool Equals(RuntimeDescription? other) =>
            other is not null && IsNetFramework == other.IsNetFramework && AcceptsTls13 == other.AcceptsTls13
            && ProcessProtocolsAreSystemDefault == other.ProcessProtocolsAreSystemDefault;

        public override bool Equals(object? obj) => Equals(obj as RuntimeDescription);

        public override int GetHashCode() => (IsNetFramework ? 1 : 0) | (AcceptsTls13 ? 2 : 0) | (ProcessProtocolsAreSystemDefault ? 4 : 0);

        public override string ToString() =>
            IsNetFramework ? $".NET Framework (TLS 1.3 enum: {(AcceptsTls13 ? "yes" : "no")}, process TLS default: {(ProcessProtocolsAreSystemDefault ? "OS" : "legacy")})" : ".NET";
    }
}
