using System;
using System.Net.Http;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Http.Pipeline
{
    /// <summary>
    /// Follows a redirect only to the same origin and only when the method survives it (307/308, or a GET); anything
    /// else is an UnexpectedRedirect failure. Outermost, so every hop shares the call's retry budget and renewal.
    /// </summary>
    internal sealed class RedirectStep : SendStep
    {
        private readonly HttpOptions _options;

        /// <summary>Reads -MaximumRedirection from the options at each redirect: the step outlives a change to them.</summary>
        public RedirectStep(HttpOptions options) => _options = options;

        private int MaximumRedirects => _options.MaximumRedirects;

        public override async Task<ApiResponse> SendAsync(SendContext context, SendNext next)
        {
            while (true)
            {
                var response = await next.SendAsync().ConfigureAwait(false);
                if (Passes(context, response)) return response;
                context.Uri = Follow(context, response, ++context.RedirectHops);
            }
        }

        public override bool TryEnter(SendContext context) => true;

        public override bool Passes(SendContext context, ApiResponse answer) => !IsRedirect(answer.StatusCode);

        public override Task<ApiResponse> ActOnAsync(SendContext context, SendNext next, ApiResponse answer)
        {
            context.Uri = Follow(context, answer, ++context.RedirectHops);
            return SendAsync(context, next);
        }

        private static bool IsRedirect(int status) => status is 301 or 302 or 303 or 307 or 308;

        private Uri Follow(SendContext context, ApiResponse response, int hops)
        {
            var uri = context.Uri;
            var method = context.Method;
            var location = response.Header("Location");
            Uri? target = null;
            if (location is not null) Uri.TryCreate(uri, location, out target);
            var keepsMethod = response.StatusCode is 307 or 308 || method == HttpMethod.Get;
            string? problem = null;
            if (target is null) problem = "without a usable Location header";
            else if (!UriText.SameOrigin(uri, target)) problem = $"to another origin ({UriText.ForDisplay(target)}); credentials are never sent to another host or over a downgraded scheme";
            else if (!keepsMethod) problem = $"to {UriText.ForDisplay(target)} with a {response.StatusCode}, which would turn this {method.Method} into a GET (often a login page)";
            else if (hops > MaximumRedirects) problem = $"more than {Output.Counted.Of(MaximumRedirects, "time")}";
            if (problem is null) return target!;
            throw new OperationsApiException(
                $"The server redirected {method.Method} {UriText.ForDisplay(uri)} {problem}.",
                ErrorIds.UnexpectedRedirect, ErrorCategoryName.InvalidResult)
            {
                StatusCode = response.StatusCode,
                Method = method.Method,
                RequestUri = UriText.Sanitize(uri),
                // A redirect's body may echo what a login sent or answered: not kept for requests that carry secrets.
                RawBody = context.Request.CarriesSecrets ? null : OperationsApiException.Truncate(response.Body),
                ContentType = response.ContentType,
                Attempts = context.Attempt,
                RecommendedAction = "Check -BaseUri: point it at the address the server redirects to if you trust that server.",
            };
        }
    }
}
