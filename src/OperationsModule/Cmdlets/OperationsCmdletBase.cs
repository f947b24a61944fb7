using System;
using System.Management.Automation;
using System.Security;
using System.Threading;
using OperationsModule.Adapters;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Cmdlets
{
    /// <summary>
    /// Every command that calls a system: the connection parameters, the transport options (the other part of this
    /// class), the output port it gives Core and the connections it holds until it ends.
    /// </summary>
    public abstract partial class OperationsCmdletBase : PSCmdlet
    {
        /// <summary>An unbound ID still makes one record: Core refuses it with an error naming the parameter.</summary>
        protected static readonly string?[] NoIds = { null };

        private ConnectionPlan? _connections;
        private bool _sessionTyped;
        private bool _baseUriTyped;

        protected OperationsCmdletBase()
        {
            // Made here, not lazily: StopProcessing comes from another thread.
            Port = new CmdletOutputPort(this);
        }

        /// <summary>A session from Connect-OperationsServer; also bound from piped objects that carry one.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public virtual OperationsSession? Session { get; set; }

        /// <summary>
        /// Also bound from a piped object's Server (or BaseUri) property, so that a typed -Credential or -Token is enough
        /// for objects that name their server. A typed -BaseUri wins over every piped one.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Server", "Uri")]
        [ValidateNotNull]
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

        /// <summary>What Core writes through: forwarded to this cmdlet's streams.</summary>
        private protected CmdletOutputPort Port { get; }

        protected CancellationToken StopToken => Port.StopToken;

        /// <summary>The session of the current piped object (null when -Session was typed: that one wins).</summary>
        protected OperationsSession? PipedSession => _sessionTyped ? null : Session;

        /// <summary>The server named by the current piped object, when -BaseUri was not typed.</summary>
        protected Uri? PipedServer => _baseUriTyped ? null : BaseUri;

        protected override void StopProcessing() => Port.Stop();

        /// <summary>
        /// Call first in BeginProcessing, before any work leaves the pipeline thread: reads the preferences, and notes
        /// which connection parameters were typed (only those are bound yet), to tell them from piped ones later.
        /// </summary>
        protected void BeginInvocation()
        {
            Port.CapturePreferences();
            _sessionTyped = MyInvocation.BoundParameters.ContainsKey(nameof(Session));
            _baseUriTyped = MyInvocation.BoundParameters.ContainsKey(nameof(BaseUri));
        }

        /// <summary>Bad configuration that fails every item ends the command.</summary>
        protected void Terminate(OperationsApiException exception, object? target) =>
            ThrowTerminatingError(ErrorRecordFactory.Create(exception, target));

        /// <summary>
        /// BeginProcessing: the invocation's connections. Each session it uses is leased until the command ends, so a
        /// Connect or Disconnect elsewhere (another runspace) lets this command finish on it.
        /// </summary>
        private protected ConnectionPlan OpenConnections() => _connections = new ConnectionPlan(BuildConnectionRequest(), SessionStore.Default, Port);

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
            Port.EnterDisposal();
            _connections?.End();
        }

        /// <summary>The connection settings the user typed (not those bound from the pipeline).</summary>
        private ConnectionRequest BuildConnectionRequest()
        {
            return TransportOptions.Apply(this, this, new ConnectionRequest(System)
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
