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
        public virtual Uri? BaseUri { get; set; }

        [Parameter]
        [Credential]
        public virtual PSCredential? Credential { get; set; }

        [Parameter]
        public virtual SecureString? Token { get; set; }

        protected abstract OperationsSystem System { get; }

        /// <summary>The connection settings the user typed (not those bound from the pipeline).</summary>
        protected ConnectionRequest BuildConnectionRequest()
        {
            return WithTransportOptions(new ConnectionRequest(System)
            {
                Session = MyInvocation.BoundParameters.ContainsKey(nameof(Session)) ? Session : null,
                BaseUri = BaseUri?.OriginalString,
                Credential = SecretConverter.ToCredential(Credential),
                Token = SecretConverter.ToSecret(Token),
            });
        }
    }
}
