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

        public override async Task<ApiResponse> SendAsync(SendContext context, SendNext next)
        {
            var refusal = _refusal;
            object? trial = null;
            try
            {
                trial = await refusal.EnterAsync(_transport, context.CancellationToken).ConfigureAwait(false);
                // The renewal loop is inline, not a method of its own: one async frame per call on the bulk hot path.
                while (true)
                {
                    var stamp = await _authenticator.PrepareAsync(_transport, context.Log, context.CancellationToken).ConfigureAwait(false);
                    context.Credential = new AppliedCredential(_authenticator, stamp);
                    var response = await next.SendAsync().ConfigureAwait(false);
                    if (response.StatusCode == 401 && !context.Renewed)
                    {
                        context.Renewed = true;
                        if (await _authenticator.RenewAsync(stamp, _transport, context.Log, context.CancellationToken).ConfigureAwait(false))
                        {
                            if (context.Log.IsVerboseEnabled) context.Log.WriteVerbose($"{context.Target}: 401, sending again with a renewed token.");
                            continue;
                        }
                    }
                    if (response.StatusCode == 401) refusal.Refused(_transport, Refusal(context, response));
                    else if (!IsInconclusive(response.StatusCode)) refusal.Accepted();
                    return response;
                }
            }
            catch (CredentialRefusedException refused)
            {
                throw NotSent(context, refused.Refusal);
            }
            catch (OperationsApiException failure) when (CredentialRefusal.IsRefusal(failure))
            {
                refusal.Refused(_transport, failure);
                throw;
            }
            finally
            {
                refusal.Inconclusive(trial);
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
