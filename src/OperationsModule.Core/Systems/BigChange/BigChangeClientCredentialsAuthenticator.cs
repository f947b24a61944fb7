using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Auth;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Output;
using OperationsModule.Core.Secrets;

namespace OperationsModule.Core.Systems.BigChange
{
    /// <summary>
    /// OAuth 2.0 client credentials against BigChange's auth proxy: client_id/client_secret (the PSCredential's
    /// user name and password) become {access_token, expires_in}. There is no refresh token: the base class
    /// asks again shortly before expires_in runs out, and once after a 401.
    /// </summary>
    internal sealed class BigChangeClientCredentialsAuthenticator : TokenLoginAuthenticator
    {
        private readonly Uri _baseUri;

        public BigChangeClientCredentialsAuthenticator(Uri baseUri, SecretCredential credential) : base(credential) => _baseUri = baseUri;

        public override string Kind => "ClientCredentials";

        protected override async Task<IssuedToken> LoginAsync(SendPipeline transport, ILogSink log, CancellationToken cancellationToken)
        {
            var request = new ApiRequest(HttpMethod.Post, BigChangePaths.Token(_baseUri))
            {
                Anonymous = true,
                CarriesSecrets = true,
                BodyMediaType = "application/x-www-form-urlencoded",
                Body = FormBody(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = Credential.UserName,
                    ["client_secret"] = Credential.Secret.Reveal(),
                }),
            };
            request.Headers["Accept"] = "application/json";
            var response = await transport.SendAsync(request, log, cancellationToken).ConfigureAwait(false);
            var subject = $"Obtaining a BigChange access token for client {Credential.UserName} failed";
            if (response.StatusCode != 200 && response.StatusCode != 201)
                throw RejectedClient(FailureBuilder.FromResponse(request, response, ProblemDetailsParser.Instance, subject));
            var (token, expiresIn) = ReadToken(response.Body);
            if (token is null)
                throw FailureBuilder.UnexpectedShape(subject + ": the response has no access_token.", request, response,
                    "Check that -BaseUri points at the BigChange API (https://api.bigchange.com).");
            token = AcceptIssued(token, subject, request, response, "Check that -BaseUri points at the BigChange API (https://api.bigchange.com).");
            var now = Now(transport);
            return new IssuedToken(SecretText.FromClearText(token), now, TokenLifetime.FromSeconds(expiresIn, now));
        }

        private static readonly HeaderOrigin IssuedBy = HeaderOrigin.Server("a BigChange access token");

        protected override void WriteHeader(HttpRequestMessage request, SecretText token) =>
            HeaderValues.Write(request, "Authorization", token.HeaderValue("Bearer "), IssuedBy);

        /// <summary>
        /// Any 400 or 401 from the token request means the proxy refused the client credentials (a wrong secret comes
        /// back as a 400 problem that need not say invalid_client): an authentication failure, whose details are the
        /// problem's title and detail. 422 (a missing field) and 5xx keep their own meaning.
        /// </summary>
        private static OperationsApiException RejectedClient(OperationsApiException failure)
        {
            if (failure.StatusCode != 400 && failure.StatusCode != 401) return failure;
            var vendor = failure.VendorError;
            if (vendor is not null) vendor.Message = BigChangeAdvice.TitleAndDetail(vendor);
            return new OperationsApiException(failure.Message, ErrorIds.Unauthorized, ErrorCategoryName.AuthenticationError)
            {
                StatusCode = failure.StatusCode,
                Method = failure.Method,
                RequestUri = failure.RequestUri,
                VendorError = vendor,
                RawBody = failure.RawBody,
                ContentType = failure.ContentType,
                RetryAfter = failure.RetryAfter,
                CorrelationId = failure.CorrelationId,
                Attempts = failure.Attempts,
                RecommendedAction = BigChangeAdvice.TokenRejected,
            };
        }

        private static string FormBody(IDictionary<string, string> fields)
        {
            var parts = new List<string>();
            foreach (var field in fields) parts.Add(Uri.EscapeDataString(field.Key) + "=" + Uri.EscapeDataString(field.Value));
            return string.Join("&", parts);
        }

        private static (string? Token, long? ExpiresIn) ReadToken(string body)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object) return (null, null);
                var token = JsonErrorReader.Text(root, "access_token");
                long? expiresIn = JsonErrorReader.Property(root, "expires_in") is { ValueKind: JsonValueKind.Number } e && e.TryGetInt64(out var s) ? s : (long?)null;
                return (string.IsNullOrWhiteSpace(token) ? null : token, expiresIn);
            }
            catch (JsonException)
            {
                return (null, null);
            }
        }
    }
}
