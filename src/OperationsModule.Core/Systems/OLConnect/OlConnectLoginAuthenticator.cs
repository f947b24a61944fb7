using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Auth;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Output;
using OperationsModule.Core.Secrets;

namespace OperationsModule.Core.Systems.OLConnect
{
    /// <summary>POST /authentication/login with Basic gives a text token, sent afterwards as auth_token.</summary>
    internal sealed class OlConnectLoginAuthenticator : TokenLoginAuthenticator
    {
        private readonly Uri _baseUri;

        public OlConnectLoginAuthenticator(Uri baseUri, SecretCredential credential) : base(credential) => _baseUri = baseUri;

        public override string Kind => "Login";

        protected override async Task<IssuedToken> LoginAsync(SendPipeline transport, ILogSink log, CancellationToken cancellationToken)
        {
            var request = new ApiRequest(HttpMethod.Post, OlConnectPaths.Login(_baseUri)) { Anonymous = true, CarriesSecrets = true };
            request.Headers["Authorization"] = "Basic " + BasicAuthenticator.Encode(Credential);
            var response = await transport.SendAsync(request, log, cancellationToken).ConfigureAwait(false);
            var subject = $"Logging in to OL Connect as {Credential.UserName} failed";
            if (response.StatusCode != 200 || string.IsNullOrWhiteSpace(response.Body))
                throw FailureBuilder.FromResponse(request, response, OlConnectErrorParser.Instance, subject);
            var token = AcceptIssued(response.Body.Trim(), subject, request, response, "Check that -BaseUri points at OL Connect Server's REST API.");
            long? seconds = long.TryParse(response.Header("Token-Expires-In"), NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var stated) ? stated : (long?)null;
            var now = Now(transport);
            return new IssuedToken(SecretText.FromClearText(token), now, TokenLifetime.FromSeconds(seconds, now));
        }

        private static readonly HeaderOrigin IssuedBy = HeaderOrigin.Server("an OL Connect login token");

        protected override void WriteHeader(HttpRequestMessage request, SecretText token) =>
            HeaderValues.Write(request, "auth_token", token.HeaderValue(string.Empty), IssuedBy);
    }
}
