using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Http;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Auth
{
    /// <summary>
    /// Puts credentials on a request. Implementations keep secrets as SecretText and reveal them only
    /// while writing the header.
    /// </summary>
    internal interface IAuthenticator
    {
        /// <summary>None, Basic, Token, Login, ClientCredentials: shown on the session, never a secret.</summary>
        string Kind { get; }

        /// <summary>The user name or client id, when there is one (not secret).</summary>
        string? UserName { get; }

        /// <summary>True when requests carry a secret (so http:// needs -AllowUnencryptedAuthentication).</summary>
        bool SendsSecrets { get; }

        /// <summary>
        /// True when every request carries the secret itself, so each one is a try of it that the server may count
        /// against the account (Basic). Such a credential is tried by one request first until the server has answered
        /// for it. False when a login answers for it once (the requests carry what the login returned) or there is none.
        /// </summary>
        bool EveryRequestTriesCredential { get; }

        /// <summary>
        /// Makes the credential ready for one attempt, before the throttle gate admits it (a login happens here, through
        /// the transport's anonymous requests). Returns a stamp naming the credential, for <see cref="Apply"/> and <see cref="RenewAsync"/>.
        /// </summary>
        Task<object?> PrepareAsync(SendPipeline transport, ILogSink log, CancellationToken cancellationToken);

        /// <summary>Writes the credential <paramref name="stamp"/> names onto one attempt's message.</summary>
        void Apply(HttpRequestMessage request, object? stamp);

        /// <summary>
        /// After a 401: refresh or log in again when the stamp is still the current credential. False when
        /// this kind of credential cannot be renewed (a fixed token or password).
        /// </summary>
        Task<bool> RenewAsync(object? stamp, SendPipeline transport, ILogSink log, CancellationToken cancellationToken);
    }
}
