using System;
using System.Management.Automation;
using System.Security;
using OperationsModule.Adapters;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Cmdlets
{
    /// <summary>The connection parameters shared by the cmdlets that call a system.</summary>
    public abstract class OperationsCmdletBase : TransportOptionsCmdlet
    {
        /// <summary>A session from Connect-OperationsServer; also bound from piped objects that carry one.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public virtual OperationsSession? Session { get; set; }

        [Parameter]
        [ValidateNotNull]
        [Alias("Uri")]
        public virtual Uri? BaseUri { get; set; }

        [Parameter]
        [Credential]
        public virtual PSCredential? Credential { get; set; }

        [Parameter]
        public virtual SecureString? Token { get; set; }

        /// <summary>An http(s) proxy for this command's requests, as Connect-OperationsServer's -Proxy (overrides the session's).</summary>
        [Parameter]
        [ValidateNotNull]
        public virtual Uri? Proxy { get; set; }

        /// <summary>The proxy's user name and password, sent when it answers 407.</summary>
        [Parameter]
        [Credential]
        [ValidateNotNull]
        public virtual PSCredential? ProxyCredential { get; set; }

        protected abstract OperationsSystem System { get; }

        private ConnectionPlan? _connections;

        /// <summary>
        /// BeginProcessing: the invocation's connections. Each session it uses is leased until the command ends, so a
        /// Connect or Disconnect elsewhere (another runspace) lets this command finish on it.
        /// </summary>
        private protected ConnectionPlan OpenConnections() => _connections = new ConnectionPlan(BuildConnectionRequest(), SessionStore.Default, this);

        /// <summary>
        /// EndProcessing, after the last item: release the leases while the streams still take writes, so a close
        /// it causes (a per-call VCF login revoked; a session replaced meanwhile) reports as verbose lines or a warning.
        /// </summary>
        protected void EndConnections() => _connections?.End();

        /// <summary>
        /// Dispose, first thing: a command ended by an error, -ErrorAction Stop or Ctrl+C releases its leases here;
        /// the revocation this may send is bounded (a few seconds), and a warning about it goes to the host.
        /// </summary>
        protected void EndConnectionsOnDispose()
        {
            EnterDisposal();
            _connections?.End();
        }

        /// <summary>The connection settings the user typed (not those bound from the pipeline).</summary>
        private protected ConnectionRequest BuildConnectionRequest()
        {
            return WithTransportOptions(new ConnectionRequest(System)
            {
                Session = MyInvocation.BoundParameters.ContainsKey(nameof(Session)) ? Session : null,
                BaseUri = BaseUri?.OriginalString,
                Credential = SecretConverter.ToCredential(Credential),
                Token = SecretConverter.ToSecret(Token),
                Proxy = Proxy,
                ProxyCredential = SecretConverter.ToCredential(ProxyCredential),
            });
        }
    }
}
