using System;
using System.Management.Automation;
using System.Security;
using OperationsModule.Adapters;
using OperationsModule.Core.Sessions;
using Routing = OperationsModule.Core.Systems.BigChange.StopJobRouting;

namespace OperationsModule.Cmdlets
{
    /// <summary>
    /// The connection and transport parameters, redeclared for the BigChange set only: declared once in the base
    /// classes they belong to every set, and PowerShell's own sets (-Id, -Job, -Name, ...) must show exactly the
    /// parameters Microsoft.PowerShell.Core\Stop-Job has there.
    /// </summary>
    public sealed partial class StopJobCommand
    {
        /// <summary>
        /// A piped row with a JobId property. Binding it by value (before any property) decides the parameter set:
        /// the row is a BigChange job even when it also has an Id that the built-in's -Id could take.
        /// </summary>
        [Parameter(ValueFromPipeline = true, ParameterSetName = Routing.BigChangeParameterSet)]
        [BigChangeJobRow]
        public BigChangeJobRow? InputObject { get; set; }

        [Parameter(ParameterSetName = Routing.BigChangeParameterSet)]
        [ValidateRange(1, 256)]
        public override int ThrottleLimit { get; set; } = 8;

        [Parameter(ParameterSetName = Routing.BigChangeParameterSet)]
        public override SwitchParameter Wait { get; set; }

        [Parameter(ParameterSetName = Routing.BigChangeParameterSet)]
        [ValidateRange(1, int.MaxValue)]
        public override int WaitTimeoutSec { get; set; } = 3600;

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = Routing.BigChangeParameterSet)]
        public override OperationsSession? Session { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = Routing.BigChangeParameterSet)]
        [Alias("Server", "Uri")]
        [ValidateNotNull]
        public override Uri? BaseUri { get; set; }

        [Parameter(ParameterSetName = Routing.BigChangeParameterSet)]
        [Credential]
        public override PSCredential? Credential { get; set; }

        [Parameter(ParameterSetName = Routing.BigChangeParameterSet)]
        public override SecureString? Token { get; set; }

        [Parameter(ParameterSetName = Routing.BigChangeParameterSet)]
        [ValidateNotNull]
        public override Uri? Proxy { get; set; }

        [Parameter(ParameterSetName = Routing.BigChangeParameterSet)]
        [Credential]
        [ValidateNotNull]
        public override PSCredential? ProxyCredential { get; set; }

        [Parameter(ParameterSetName = Routing.BigChangeParameterSet)]
        [ValidateRange(1, int.MaxValue)]
        public override int TimeoutSec { get; set; }

        [Parameter(ParameterSetName = Routing.BigChangeParameterSet)]
        [ValidateRange(0, int.MaxValue)]
        public override int MaximumRetryCount { get; set; }

        [Parameter(ParameterSetName = Routing.BigChangeParameterSet)]
        [ValidateRange(0, int.MaxValue)]
        public override int RetryIntervalSec { get; set; }

        [Parameter(ParameterSetName = Routing.BigChangeParameterSet)]
        public override SwitchParameter SkipCertificateCheck { get; set; }

        [Parameter(ParameterSetName = Routing.BigChangeParameterSet)]
        public override SwitchParameter AllowUnencryptedAuthentication { get; set; }

        [Parameter(ParameterSetName = Routing.BigChangeParameterSet)]
        [ValidateNotNullOrEmpty]
        public override string? UserAgent { get; set; }

        [Parameter(ParameterSetName = Routing.BigChangeParameterSet)]
        public override SwitchParameter NoAdaptiveThrottling { get; set; }
    }
}
