using System.Management.Automation;
using OperationsModule.Adapters;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Cmdlets
{
    /// <summary>
    /// Closes sessions: the default of the systems named, the sessions piped in, or all of them. A VCF login session's
    /// refresh token is revoked on the server first (best-effort: a failure is a warning, the session closes anyway).
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "OperationsServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = SystemSet)]
    [OutputType(typeof(OperationsSession))]
    public sealed class DisconnectOperationsServerCommand : PSCmdlet
    {
        private const string SystemSet = "System";
        private const string SessionSet = "Session";
        private readonly CmdletOutputPort _port;

        public DisconnectOperationsServerCommand()
        {
            _port = new CmdletOutputPort(this);
        }

        /// <summary>The systems whose default session to close; all systems when left out.</summary>
        [Parameter(Position = 0, ParameterSetName = SystemSet)]
        public OperationsSystem[]? System { get; set; }

        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = SessionSet)]
        [ValidateNotNull]
        public OperationsSession[]? Session { get; set; }

        /// <summary>Write each closed session (for logging what was closed).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>
        /// Close without revoking what the login left valid on the server (no request, no warning): for a test's
        /// reset, where the server has forgotten the tokens anyway.
        /// </summary>
        [Parameter]
        public SwitchParameter SkipRevocation { get; set; }

        protected override void BeginProcessing() => _port.CapturePreferences();

        protected override void StopProcessing() => _port.Stop();

        protected override void ProcessRecord()
        {
            if (ParameterSetName == SessionSet)
            {
                foreach (var session in Session!) DisconnectCommand.Disconnect(session, SessionStore.Default, _port, PassThru.IsPresent, _port.StopToken, !SkipRevocation.IsPresent);
                return;
            }
            DisconnectCommand.Disconnect(System, SessionStore.Default, _port, PassThru.IsPresent, _port.StopToken, !SkipRevocation.IsPresent);
        }
    }
}
