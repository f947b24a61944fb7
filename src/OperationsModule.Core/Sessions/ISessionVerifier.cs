using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;

namespace OperationsModule.Core.Sessions
{
    /// <summary>
    /// Optional on a system profile: a cheap, read-only, authenticated call that proves Connect-OperationsServer
    /// reached the right server with working credentials (like Connect-VIServer logging in at once). For a
    /// token-from-login system the probe also performs the login, so the token is ready for the next call.
    /// </summary>
    internal interface ISessionVerifier
    {
        /// <summary>A GET that needs authentication and changes nothing.</summary>
        ApiRequest BuildProbe(OperationsSession session);

        IErrorBodyParser ErrorParser { get; }

        /// <summary>
        /// Whether the answer proves the credentials. Probes may ask for an ID that cannot exist, so a "not found"
        /// in the system's own error shape counts (the server authenticated the call before looking the ID up);
        /// 401/403 and token errors never do.
        /// </summary>
        bool IsVerified(OperationsSession session, ApiResponse response);
    }
}
