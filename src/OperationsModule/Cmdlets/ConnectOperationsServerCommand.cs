using System;
using System.Management.Automation;
using System.Security;
using OperationsModule.Adapters;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Cmdlets
{
    /// <summary>
    /// Opens the default session of a system: one HttpClient (connection reuse), credentials held as
    /// SecureString, verified at once with one authenticated call unless -SkipVerification.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "OperationsServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = CredentialSet)]
    [OutputType(typeof(OperationsSession))]
    public sealed partial class ConnectOperationsServerCommand : PSCmdlet
    {
        private const string CredentialSet = "Credential";
        private const string TokenSet = "Token";
        private readonly CmdletOutputPort _port;

        public ConnectOperationsServerCommand()
        {
            _port = new CmdletOutputPort(this);
        }

        [Parameter(Mandatory = true, Position = 0)]
        public OperationsSystem System { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNull]
        [Alias("Server", "Uri")]
        public Uri? BaseUri { get; set; }

        [Parameter(ParameterSetName = CredentialSet)]
        [Credential]
        public PSCredential? Credential { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
        [ValidateNotNull]
        public SecureString? Token { get; set; }

        [Parameter]
        [ValidateNotNull]
        public Uri? Proxy { get; set; }

        /// <summary>The proxy's user name and password, sent when the proxy answers 407 (as Invoke-RestMethod's -ProxyCredential).</summary>
        [Parameter]
        [Credential]
        [ValidateNotNull]
        public PSCredential? ProxyCredential { get; set; }

        [Parameter]
        public SwitchParameter ProxyUseDefaultCredentials { get; set; }

        /// <summary>BigChange's tenant (the Customer-Id header).</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long CustomerId { get; set; }

        [Parameter]
        public SwitchParameter SkipVerification { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void StopProcessing() => _port.Stop();

        protected override void EndProcessing()
        {
            _port.CapturePreferences();
            var bound = MyInvocation.BoundParameters;
            var request = TransportOptions.Apply(this, this, new ConnectionRequest(System)
            {
                BaseUri = BaseUri?.OriginalString,
                Credential = SecretConverter.ToCredential(Credential),
                Token = SecretConverter.ToSecret(Token),
                CustomerId = bound.ContainsKey(nameof(CustomerId)) ? CustomerId : (long?)null,
                Proxy = Proxy,
                ProxyCredential = SecretConverter.ToCredential(ProxyCredential),
                ProxyUseDefaultCredentials = ProxyUseDefaultCredentials.IsPresent,
            });
            var options = new ConnectOptions { SkipVerification = SkipVerification.IsPresent, PassThru = PassThru.IsPresent };
            try
            {
                ConnectCommand.Connect(request, options, SessionStore.Default, _port, _port.StopToken);
            }
            catch (OperationsApiException ex)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create(ex, BaseUri));
            }
        }
    }
}
