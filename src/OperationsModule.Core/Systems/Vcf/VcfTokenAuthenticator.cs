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

namespace OperationsModule.Core.Systems.Vcf
{
    /// <summary>
    /// SDDC Manager tokens: POST /v1/tokens {username,password} gives a TokenPair (accessToken + refreshToken.id),
    /// sent as Bearer. Before expiry or after a 401 the access token is refreshed with PATCH
    /// /v1/tokens/access-token/refresh (body: the refresh id as a JSON string, Content-Type application/json,
    /// without which SDDC Manager answers 400, as PowerVCF's refresh found); if that fails, log in again. On disconnect, DELETE /v1/tokens/refresh-token
    /// (same body) invalidates the refresh token, so it does not outlive the session on the server.
    /// </summary>
    internal sealed class VcfTokenAuthenticator : TokenLoginAuthenticator, IRevocableAuthenticator
    {
        private readonly Uri _baseUri;

        // Refresh tokens of earlier logins that may still be valid on the server (a login again after a refresh that
        // failed for a reason other than the token being gone): revoked with the current one, so none is left behind.
        private readonly List<SecretText> _superseded = new List<SecretText>();
        private SecretText? _knownGone;

        public VcfTokenAuthenticator(Uri baseUri, SecretCredential credential) : base(credential) => _baseUri = baseUri;

        private const string CheckBaseUri = "Check that -BaseUri points at SDDC Manager (https://sddc-manager-fqdn).";

        public override string Kind => "Login";

        protected override async Task<IssuedToken> LoginAsync(SendPipeline transport, ILogSink log, CancellationToken cancellationToken)
        {
            if (Current?.RefreshHandle is { } earlier && !ReferenceEquals(earlier, _knownGone))
                lock (_superseded) _superseded.Add(earlier);
            var request = new ApiRequest(HttpMethod.Post, VcfPaths.Tokens(_baseUri))
            {
                Anonymous = true,
                CarriesSecrets = true,
                BodyMediaType = "application/json",
                Body = JsonSerializer.Serialize(new TokenRequest { Username = Credential.UserName, Password = Credential.Secret.Reveal() }),
            };
            request.Headers["Accept"] = "application/json";
            var response = await transport.SendAsync(request, log, cancellationToken).ConfigureAwait(false);
            var subject = $"Logging in to SDDC Manager as {Credential.UserName} failed";
            // The spec answers 201 (Created), the vendor's example shows 200: both are a TokenPair.
            if (response.StatusCode != 200 && response.StatusCode != 201)
                throw FailureBuilder.FromResponse(request, response, VcfErrorParser.Instance, subject);
            var pair = ReadTokenPair(response.Body);
            if (pair.Access is null)
                throw FailureBuilder.UnexpectedShape(subject + ": the response has no accessToken.", request, response, CheckBaseUri);
            var access = AcceptIssued(pair.Access, subject, request, response, CheckBaseUri);
            return Issue(access, pair.RefreshId is null ? null : SecretText.FromClearText(pair.RefreshId), Now(transport));
        }

        protected override async Task<IssuedToken?> RefreshAsync(IssuedToken current, SendPipeline transport, ILogSink log, CancellationToken cancellationToken)
        {
            if (current.RefreshHandle is null) return null;
            var request = RefreshIdRequest(new HttpMethod("PATCH"), VcfPaths.RefreshAccessToken(_baseUri), current.RefreshHandle);
            ApiResponse response;
            try
            {
                response = await transport.SendAsync(request, log, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationsApiException ex)
            {
                log.WriteVerbose($"Refreshing the SDDC Manager token failed ({ex.ErrorId}); logging in again.");
                return null;
            }
            var access = response.StatusCode == 200 ? ReadJsonString(response.Body) : null;
            if (access is null)
            {
                // The server says the refresh token is gone: nothing of it left to revoke.
                if (response.StatusCode == 400 || response.StatusCode == 404) _knownGone = current.RefreshHandle;
                // An unknown or expired refresh token (404/400) is normal after a day; the credential still works.
                log.WriteVerbose($"Refreshing the SDDC Manager token answered {StatusClassifier.Describe(response.StatusCode)}; logging in again.");
                return null;
            }
            return Issue(AcceptIssued(access, "Refreshing the SDDC Manager token failed", request, response, CheckBaseUri), current.RefreshHandle, Now(transport));
        }

        /// <summary>Invalidate Refresh Token, for each refresh token held; empty when no login happened yet (nothing to revoke).</summary>
        public IReadOnlyList<Revocation> BuildRevocations()
        {
            var revocations = new List<Revocation>();
            lock (_superseded)
                foreach (var earlier in _superseded) revocations.Add(Revoke(earlier));
            if (Current?.RefreshHandle is { } refresh) revocations.Add(Revoke(refresh));
            return revocations;
        }

        public void Forget(Revocation revoked)
        {
            lock (_superseded) _superseded.RemoveAll(h => ReferenceEquals(h, revoked.Handle));
            if (Current?.RefreshHandle is { } refresh && ReferenceEquals(refresh, revoked.Handle)) Forget();
        }

        private Revocation Revoke(SecretText refresh) =>
            new Revocation(RefreshIdRequest(HttpMethod.Delete, VcfPaths.RefreshToken(_baseUri), refresh), VcfErrorParser.Instance, "the SDDC Manager refresh token", refresh);

        /// <summary>
        /// Refresh and revoke both send the refresh-token id as a JSON string (application/json) and need no Bearer:
        /// the id is the credential, which is also why the body never reaches the debug stream.
        /// </summary>
        private static ApiRequest RefreshIdRequest(HttpMethod method, Uri uri, SecretText refreshId)
        {
            var request = new ApiRequest(method, uri)
            {
                Anonymous = true,
                CarriesSecrets = true,
                BodyMediaType = "application/json",
                Body = JsonSerializer.Serialize(refreshId.Reveal()),
            };
            request.Headers["Accept"] = "application/json";
            return request;
        }

        private static readonly HeaderOrigin IssuedBy = HeaderOrigin.Server("an SDDC Manager access token");

        protected override void WriteHeader(HttpRequestMessage request, SecretText token) =>
            HeaderValues.Write(request, "Authorization", token.HeaderValue("Bearer "), IssuedBy);

        private static IssuedToken Issue(string access, SecretText? refreshHandle, DateTimeOffset now) =>
            new IssuedToken(SecretText.FromClearText(access), now, TokenLifetime.FromInstant(JwtExpiry.Read(access), now), refreshHandle);

        private static (string? Access, string? RefreshId) ReadTokenPair(string body)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object) return (null, null);
                var access = JsonErrorReader.Text(root, "accessToken");
                var refresh = JsonErrorReader.Property(root, "refreshToken") is { ValueKind: JsonValueKind.Object } r ? JsonErrorReader.Text(r, "id") : null;
                return (string.IsNullOrWhiteSpace(access) ? null : access, string.IsNullOrWhiteSpace(refresh) ? null : refresh);
            }
            catch (JsonException)
            {
                return (null, null);
            }
        }

        /// <summary>The refresh answer is the new access token as a JSON string; tolerate a bare token too.</summary>
        private static string? ReadJsonString(string body)
        {
            var text = body.Trim();
            if (text.Length == 0) return null;
            if (text[0] != '"') return text.IndexOfAny(new[] { ' ', '{', '<' }) < 0 ? text : null;
            try
            {
                return JsonSerializer.Deserialize<string>(text) is { Length: > 0 } token ? token : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private sealed class TokenRequest
        {
            [System.Text.Json.Serialization.JsonPropertyName("username")]
            public string Username { get; set; } = string.Empty;

            [System.Text.Json.Serialization.JsonPropertyName("password")]
            public string Password { get; set; } = string.Empty;
        }
    }
}
