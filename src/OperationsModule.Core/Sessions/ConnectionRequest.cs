using System;
using OperationsModule.Core.Models;
using OperationsModule.Core.Secrets;

namespace OperationsModule.Core.Sessions
{
    /// <summary>What a cmdlet was given to reach a server: a session, a BaseUri with a credential or token, or nothing (the default session).</summary>
    internal sealed class ConnectionRequest
    {
        public ConnectionRequest(OperationsSystem system) => System = system;

        public OperationsSystem System { get; }

        public OperationsSession? Session { get; set; }

        public string? BaseUri { get; set; }

        public SecretCredential? Credential { get; set; }

        public SecretText? Token { get; set; }

        public long? CustomerId { get; set; }

        public int? TimeoutSec { get; set; }

        public int? MaximumRetryCount { get; set; }

        public int? RetryIntervalSec { get; set; }

        public bool SkipCertificateCheck { get; set; }

        public bool AllowUnencryptedAuthentication { get; set; }

        public Uri? Proxy { get; set; }

        /// <summary>-ProxyCredential: given to the proxy when it answers 407.</summary>
        public SecretCredential? ProxyCredential { get; set; }

        public bool ProxyUseDefaultCredentials { get; set; }

        /// <summary>A -UserAgent the user typed: wins over the session's (Connect's) User-Agent.</summary>
        public string? UserAgent { get; set; }

        /// <summary>The User-Agent of a new session when none was typed (the cmdlets' "OperationsModule/x PowerShell/y"); never overrides a session's.</summary>
        public string? DefaultUserAgent { get; set; }

        /// <summary>The command names as the user imported them, for advice in messages; null means the plain names.</summary>
        public CommandNames? Names { get; set; }

        /// <summary>False restores per-request retries on throttling (HttpOptions.AdaptiveThrottling); null keeps the session's.</summary>
        public bool? AdaptiveThrottling { get; set; }
    }
}
