using System;
using System.Management.Automation;
using System.Security;
using OperationsModule.Adapters;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Cmdlets
{
    /// <summary>The connection parameters shared by the cmdlets that call a system.</summary>
    public abstract class OperationsCmdletBase : OutputPortCmdlet
    {
        /// <summary>A session from Connect-OperationsServer; also bound from piped objects that carry one.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public OperationsSession? Session { get; set; }

        [Parameter]
        [ValidateNotNull]
        public Uri? BaseUri { get; set; }

        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        [Parameter]
        public SecureString? Token { get; set; }

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

        protected abstract OperationsSystem System { get; }

        /// <summary>The connection settings the user typed (not those bound from the pipeline).</summary>
        protected ConnectionRequest BuildConnectionRequest()
        {
            var bound = MyInvocation.BoundParameters;
            return new ConnectionRequest(System)
            {
                Session = bound.ContainsKey(nameof(Session)) ? Session : null,
                BaseUri = BaseUri?.OriginalString,
                Credential = SecretConverter.ToCredential(Credential),
                Token = SecretConverter.ToSecret(Token),
                TimeoutSec = bound.ContainsKey(nameof(TimeoutSec)) ? TimeoutSec : (int?)null,
                MaximumRetryCount = bound.ContainsKey(nameof(MaximumRetryCount)) ? MaximumRetryCount : (int?)null,
                RetryIntervalSec = bound.ContainsKey(nameof(RetryIntervalSec)) ? RetryIntervalSec : (int?)null,
                SkipCertificateCheck = SkipCertificateCheck.IsPresent,
                AllowUnencryptedAuthentication = AllowUnencryptedAuthentication.IsPresent,
                UserAgent = "OperationsModule/" + typeof(OperationsCmdletBase).Assembly.GetName().Version?.ToString(3) + " PowerShell/" + Host?.Version,
            };
        }
    }
}
