using System.Management.Automation;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Adapters
{
    /// <summary>
    /// The transport option parameters, with the meanings Invoke-RestMethod gives the same names. Connect-OperationsServer
    /// (stored on the session) and the commands that call a system (overriding the session) each declare them: PowerShell
    /// binds only the parameters of a cmdlet's own type and its bases, and the two share no base. A contract test keeps
    /// the two declarations identical.
    /// </summary>
    internal interface ITransportOptions
    {
        int TimeoutSec { get; }

        int MaximumRetryCount { get; }

        int RetryIntervalSec { get; }

        SwitchParameter SkipCertificateCheck { get; }

        SwitchParameter AllowUnencryptedAuthentication { get; }

        string? UserAgent { get; }

        SwitchParameter NoAdaptiveThrottling { get; }
    }

    /// <summary>Copies the transport options the user typed into a connection request.</summary>
    internal static class TransportOptions
    {
        /// <summary>Unset options keep the session's or the defaults.</summary>
        public static ConnectionRequest Apply(PSCmdlet cmdlet, ITransportOptions options, ConnectionRequest request)
        {
            var bound = cmdlet.MyInvocation.BoundParameters;
            request.TimeoutSec = bound.ContainsKey(nameof(options.TimeoutSec)) ? options.TimeoutSec : (int?)null;
            request.MaximumRetryCount = bound.ContainsKey(nameof(options.MaximumRetryCount)) ? options.MaximumRetryCount : (int?)null;
            request.RetryIntervalSec = bound.ContainsKey(nameof(options.RetryIntervalSec)) ? options.RetryIntervalSec : (int?)null;
            request.SkipCertificateCheck = options.SkipCertificateCheck.IsPresent;
            request.AllowUnencryptedAuthentication = options.AllowUnencryptedAuthentication.IsPresent;
            request.UserAgent = bound.ContainsKey(nameof(options.UserAgent)) ? options.UserAgent : null;
            request.DefaultUserAgent = DefaultUserAgent(cmdlet);
            // Only an explicit switch turns it off: absent keeps the session's setting (or the default, on).
            request.AdaptiveThrottling = options.NoAdaptiveThrottling.IsPresent ? false : (bool?)null;
            request.Names = ImportedNames.Of(cmdlet);
            return request;
        }

        private static string DefaultUserAgent(PSCmdlet cmdlet) =>
            "OperationsModule/" + typeof(TransportOptions).Assembly.GetName().Version?.ToString(3) + " PowerShell/" + cmdlet.Host?.Version;
    }
}
