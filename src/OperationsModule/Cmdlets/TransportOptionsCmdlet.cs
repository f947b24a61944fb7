using System.Management.Automation;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Cmdlets
{
    /// <summary>
    /// The transport options, with the meanings Invoke-RestMethod gives the same names: declared once for
    /// Connect-OperationsServer (stored on the session) and for every call (overriding the session).
    /// </summary>
    public abstract class TransportOptionsCmdlet : OutputPortCmdlet
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

        protected string DefaultUserAgent =>
            "OperationsModule/" + typeof(TransportOptionsCmdlet).Assembly.GetName().Version?.ToString(3) + " PowerShell/" + Host?.Version;

        /// <summary>Copies the options the user typed (unset ones keep the session's or the defaults).</summary>
        private protected ConnectionRequest WithTransportOptions(ConnectionRequest request)
        {
            var bound = MyInvocation.BoundParameters;
            request.TimeoutSec = bound.ContainsKey(nameof(TimeoutSec)) ? TimeoutSec : (int?)null;
            request.MaximumRetryCount = bound.ContainsKey(nameof(MaximumRetryCount)) ? MaximumRetryCount : (int?)null;
            request.RetryIntervalSec = bound.ContainsKey(nameof(RetryIntervalSec)) ? RetryIntervalSec : (int?)null;
            request.SkipCertificateCheck = SkipCertificateCheck.IsPresent;
            request.AllowUnencryptedAuthentication = AllowUnencryptedAuthentication.IsPresent;
            request.UserAgent = bound.ContainsKey(nameof(UserAgent)) ? UserAgent : null;
            request.DefaultUserAgent = DefaultUserAgent;
            // Only an explicit switch turns it off: absent keeps the session's setting (or the default, on).
            request.AdaptiveThrottling = NoAdaptiveThrottling.IsPresent ? false : (bool?)null;
            request.Names = Adapters.ImportedNames.Of(this);
            return request;
        }
    }
}
