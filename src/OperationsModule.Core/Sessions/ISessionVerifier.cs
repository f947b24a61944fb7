using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;

namespace OperationsModule.Core.Sessions
{
    /// <summary>
    /// Optional on a system profile: a cheap, read-only, authenticated call that proves Connect-OperationsServer
    /// reached the right server with working credentials (like Connect-VIServer logging in at once). For a
    /// token-from-login system the probe also performs the login, so the token is ready for the next call.
    /// </summary>
    public interface ISessionVerifier
    {
        /// <summary>A GET that needs authentication and changes nothing.</summary>
        ApiRequest BuildProbe(OperationsSession session);

        IErrorBodyParser ErrorParser { get; }
    }
}
