using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;

namespace OperationsModule.Core.Auth
{
    /// <summary>
    /// An authenticator whose login left something valid on the server beyond the session (VCF's refresh token),
    /// which Disconnect-OperationsServer revokes.
    /// </summary>
    public interface IRevocableAuthenticator
    {
        /// <summary>The call that revokes what is held, or null when nothing is (never logged in, or already forgotten).</summary>
        Revocation? BuildRevocation();

        /// <summary>Drops the held tokens, whether or not the server confirmed the revocation.</summary>
        void Forget();
    }

    /// <summary>One revocation call, the parser for its error answers, and what it revokes in words ("the SDDC Manager refresh token").</summary>
    public sealed class Revocation
    {
        public Revocation(ApiRequest request, IErrorBodyParser errorParser, string what)
        {
            Request = request;
            ErrorParser = errorParser;
            What = what;
        }

        public ApiRequest Request { get; }

        public IErrorBodyParser ErrorParser { get; }

        public string What { get; }
    }
}
