using System.Collections.Generic;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;

namespace OperationsModule.Core.Auth
{
    /// <summary>
    /// An authenticator whose logins leave something valid on the server beyond the session (VCF's refresh token),
    /// which is revoked when the connection that made them closes (Disconnect, a Connect that replaces the session,
    /// the end of a per-call command).
    /// </summary>
    internal interface IRevocableAuthenticator
    {
        /// <summary>
        /// The calls that revoke what is held now: the current login's, and any an earlier login of this
        /// authenticator left valid. Empty when nothing is held (never logged in, or already forgotten).
        /// </summary>
        IReadOnlyList<Revocation> BuildRevocations();

        /// <summary>Drops what <paramref name="revoked"/> covered, whether or not the server confirmed it; a newer login keeps its own.</summary>
        void Forget(Revocation revoked);
    }

    /// <summary>One revocation call, the parser for its error answers, and what it revokes in words ("the SDDC Manager refresh token").</summary>
    internal sealed class Revocation
    {
        public Revocation(ApiRequest request, IErrorBodyParser errorParser, string what, object? handle = null)
        {
            Request = request;
            ErrorParser = errorParser;
            What = what;
            Handle = handle;
        }

        public ApiRequest Request { get; }

        public IErrorBodyParser ErrorParser { get; }

        public string What { get; }

        /// <summary>What the authenticator revokes with this call (its own reference), so Forget drops exactly that.</summary>
        internal object? Handle { get; }

        public override string ToString() => $"revoke {What}: {Request.Describe()}";
    }
}
