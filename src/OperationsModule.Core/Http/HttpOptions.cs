using System;

namespace OperationsModule.Core.Http
{
    /// <summary>Transport settings of a session. Names and meanings follow Invoke-RestMethod's parameters.</summary>
    internal sealed class HttpOptions
    {
        /// <summary>Finite by default (Invoke-RestMethod's infinite default is a classic hung-runbook cause).</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(100);

        /// <summary>Per-request timeout covering connect, send, headers and body.</summary>
        public TimeSpan Timeout { get; set; } = DefaultTimeout;

        /// <summary>Retries after the first attempt, for transient failures only.</summary>
        public int MaximumRetryCount { get; set; } = 3;

        /// <summary>Base of the exponential backoff between retries.</summary>
        public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>No single wait (backoff or Retry-After) is longer than this.</summary>
        public TimeSpan MaximumRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>
        /// Adapt to a throttling server (on by default; -NoAdaptiveThrottling turns it off): announced limits are spent
        /// as announced, refusals that behave like a limit on the connection hold back and pace every request of it,
        /// and waiting those out does not count against <see cref="MaximumRetryCount"/> (Http/Throttling/ThrottleGate).
        /// Off: each request retries on its own schedule, throttled attempts counting as retries (the older behaviour,
        /// kept as the bench's baseline and for scripts that depend on its timing).
        /// </summary>
        public bool AdaptiveThrottling { get; set; } = true;

        /// <summary>
        /// The longest one request waits out limits on the whole connection free of <see cref="MaximumRetryCount"/>,
        /// from its first such wait; after that those refusals count too, so every run ends. (Refusals of the item
        /// alone always count.)
        /// </summary>
        public TimeSpan MaximumThrottleWait { get; set; } = TimeSpan.FromMinutes(5);

        public bool SkipCertificateCheck { get; set; }

        public bool AllowUnencryptedAuthentication { get; set; }

        /// <summary>An http:// or https:// proxy address without user information (ProxyAddressRule).</summary>
        public Uri? Proxy { get; set; }

        /// <summary>-ProxyCredential: given to the proxy when it answers 407. Internal, so no session property shows it.</summary>
        internal Secrets.SecretCredential? ProxyCredential { get; set; }

        /// <summary>-ProxyUseDefaultCredentials: the logged-on user's credentials for the proxy.</summary>
        public bool ProxyUseDefaultCredentials { get; set; }

        public string UserAgent { get; set; } = "OperationsModule/" + typeof(HttpOptions).Assembly.GetName().Version?.ToString(3);

        /// <summary>Success bodies larger than this are refused rather than buffered.</summary>
        public long MaximumResponseBytes { get; set; } = 16 * 1024 * 1024;

        /// <summary>Error bodies are read up to this size: enough for any vendor error, bounded for hostile servers.</summary>
        public int MaximumErrorBodyBytes { get; set; } = 64 * 1024;

        public int MaximumRedirects { get; set; } = 5;

        public HttpOptions Clone() => (HttpOptions)MemberwiseClone();
    }
}
