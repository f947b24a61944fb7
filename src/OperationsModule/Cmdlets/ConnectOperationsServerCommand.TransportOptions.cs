using System.Management.Automation;
using OperationsModule.Adapters;

namespace OperationsModule.Cmdlets
{
    /// <summary>
    /// The transport options, stored on the session for every later command. Declared as OperationsCmdletBase declares
    /// them (Connect takes none of its connection parameters as they are there); a contract test keeps them identical.
    /// </summary>
    public sealed partial class ConnectOperationsServerCommand : ITransportOptions
    {
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int TimeoutSec { get; set; }

        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int MaximumRetryCount { get; set; }

        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int RetryIntervalSec { get; set; }

        [Parameter]
        public SwitchParameter SkipCertificateCheck { get; set; }

        [Parameter]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        /// <summary>The session's User-Agent for every later command.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? UserAgent { get; set; }

        /// <summary>Per-request retries only on throttling, as before the shared gate (HttpOptions.AdaptiveThrottling).</summary>
        [Parameter]
        public SwitchParameter NoAdaptiveThrottling { get; set; }
    }
}
