using System;
using System.Threading.Tasks;
using OperationsModule.Core.Auth;
using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Http.Pipeline
{
    /// <summary>
    /// Makes the credential ready before the throttle gate admits the request (a login never holds a place in the
    /// window it needs itself), and after a 401 renews it once per call and sends again. Logins go through the
    /// transport's anonymous pipeline, which has no authenticate step, so this step never re-enters itself. What the
    /// server says of the credential goes to its <see cref="CredentialRefusal"/>: after a refusal this command sends
    /// nothing more with it, and each remaining item fails at once, unsent.
    /// </summary>
    internal sealed class AuthenticateStep : SendStep
    {
        private readonly IAuthenticator _authenticator;
        private readonly SendPipeline _transport;
        private readonly CredentialRefusal _refusal;

        public AuthenticateStep(IAuthenticator authenticator, SendPipeline transport)
        {
            _authenticator = authenticator;
            _transport = transport;
            _refusal = CredentialRefusal.For(authenticator);
        }

        public override Task<ApiResponse> SendAsync(SendContext context, SendNext next) => RunAsync(context, next, null);

        /// <summary>
        /// Inline when the server has answered for the credential, no refusal is remembered and it is ready without waiting
        /// (a password, a token still valid). A login under way is kept in the context for the whole step to wait for.
        /// </summary>
        public override bool TryEnter(SendContext context)
        {
            if (!_refusal.IsOpen) return false;
            var prepare = _authenticator.PrepareAsync(_transport, context.Log, context.CancellationToken);
            if (prepare.Status != TaskStatus.RanToCompletion)
            {
                context.PendingCredential = prepare;
                return false;
            }
            context.Credential = new AppliedCredential(_authenticator, prepare.Result);
            return true;
        }

        /// <summary>A first 401 is acted on (renewal); any other answer is what the server said of the credential.</summary>
        public override bool Passes(SendContext context, ApiResponse answer)
        {
            if (answer.StatusCode == 401 && !context.Renewed) return false;
            if (answer.StatusCode == 401) _refusal.Refused(_transport, Refusal(context, answer));
            else if (!IsInconclusive(answer.StatusCode)) _refusal.Accepted();
            return true;
        }

        public override bool PassesFailure(SendContext context, Exception failure)
        {
            if (failure is CredentialRefusedException refused) throw NotSent(context, refused.Refusal);
            if (failure is OperationsApiException refusal && CredentialRefusal.IsRefusal(refusal)) _refusal.Refused(_transport, refusal);
            return true;
        }

        public override Task<ApiResponse> ActOnAsync(SendContext context, SendNext next, ApiResponse answer) => RunAsync(context, next, answer);

        /// <summary>
        /// The whole step, from the start or from a first 401 the inline pass handed on. The renewal loop is inline, not a
        /// method of its own: one async frame per call.
        /// </summary>
        private async Task<ApiResponse> RunAsync(SendContext context, SendNext next, ApiResponse? answer)
        {
            object? trial = null;
            try
            {
                // Entered already when acting on an answer, or when the inline pass found the credential open.
                if (answer is null && context.PendingCredential is null) trial = await _refusal.EnterAsync(_transport, context.CancellationToken).ConfigureAwait(false);
                while (true)
                {
                    if (answer is null)
                    {
                        var pending = context.PendingCredential;
                        context.PendingCredential = null;
                        var stamp = await (pending ?? _authenticator.PrepareAsync(_transport, context.Log, context.CancellationToken)).ConfigureAwait(false);
                        context.Credential = new AppliedCredential(_authenticator, stamp);
                        answer = await next.SendAsync().ConfigureAwait(false);
                    }
                    if (Passes(context, answer)) return answer;
                    context.Renewed = true;
                    if (await _authenticator.RenewAsync(context.Credential.Stamp, _transport, context.Log, context.CancellationToken).ConfigureAwait(false))
                    {
                        if (context.Log.IsVerboseEnabled) context.Log.WriteVerbose($"{context.Target}: 401, sending again with a renewed token.");
                        answer = null;
                    }
                }
            }
            catch (OperationsApiException failure)
            {
                // Throws NotSent for a refusal this command met before; remembers a refusal met now.
                PassesFailure(context, failure);
                throw;
            }
            finally
            {
                _refusal.Inconclusive(trial);
            }
        }

        /// <summary>An outage, a limit or a timeout says nothing of the credential.</summary>
        private static bool IsInconclusive(int status) => status is 408 or 429 or >= 500;

        private static OperationsApiException Refusal(SendContext context, ApiResponse response) =>
            new OperationsApiException($"{context.Target} was answered 401: the server refused the credential.", ErrorIds.Unauthorized, ErrorCategoryName.AuthenticationError)
            {
                StatusCode = 401,
                Method = context.Method.Method,
                RequestUri = UriText.Sanitize(context.Uri),
                RecommendedAction = "Check the credential or token (it may have expired or been rotated), then connect again.",
            };

        /// <summary>The record of a request this command never sent because the credential was refused before it.</summary>
        private static OperationsApiException NotSent(SendContext context, OperationsApiException refusal) =>
            new OperationsApiException($"{context.Target} was not sent because the server refused the credential earlier in this command: {refusal.Message}", refusal.ErrorId, refusal.Category)
            {
                Method = context.Method.Method,
                RequestUri = UriText.Sanitize(context.Uri),
                Attempts = 0,
                RecommendedAction = refusal.RecommendedAction ?? "Check the credential or token, then run the command again.",
            };
    }

    /// <summary>The credential one attempt carries: the authenticator and the stamp it made ready.</summary>
    internal readonly struct AppliedCredential
    {
        public AppliedCredential(IAuthenticator? authenticator, object? stamp)
        {
            Authenticator = authenticator;
            Stamp = stamp;
        }

        /// <summary>Null for an anonymous call (a login, a revocation): nothing is written.</summary>
        public IAuthenticator? Authenticator { get; }

        public object? Stamp { get; }

        public void WriteTo(System.Net.Http.HttpRequestMessage message) => Authenticator?.Apply(message, Stamp);
    }
}
