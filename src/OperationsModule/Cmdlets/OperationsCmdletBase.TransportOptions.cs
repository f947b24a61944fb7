using System.Management.Automation;
using OperationsModule.Adapters;

namespace OperationsModule.Cmdlets
{
    /// <summary>
    /// The transport options of every call, overriding the session's. Connect-OperationsServer declares the same
    /// parameters (stored on the session); a contract test keeps the declarations identical.
    /// </summary>
    public abstract partial class OperationsCmdletBase : ITransportOptions
    {
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public virtual int TimeoutSec { get; set; }

        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public virtual int MaximumRetryCount { get; set; }

        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public virtual int RetryIntervalSec { get; set; }

        [Parameter]
        public virtual SwitchParameter SkipCertificateCheck { get; set; }

        [Parameter]
        public virtual SwitchParameter AllowUnencryptedAuthentication { get; set; }

        /// <summary>Given to Connect, the session's User-Agent for every later command; given to a command, that command's.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public virtual string? UserAgent { get; set; }

        /// <summary>Per-request retries only on throttling, as before the shared gate (HttpOptions.AdaptiveThrottling).</summary>
        [Parameter]
        public virtual SwitchParameter NoAdaptiveThrottling { get; set; }
    }
}
